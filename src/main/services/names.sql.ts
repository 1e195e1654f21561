/**
 * A person's short name in SQL, as `shortName` writes it in TypeScript:
 * the patronymic's initial and the given name (`Ц. Батбаяр`). Needs `p` = person.
 */
export const PERSON_SHORT_NAME_SQL = `substr(p.patronymic, 1, 1) || '. ' || p.given_name`

/** A member's name: the person's short name, or the organisation's Mongolian name. Needs `m`, `p` and `o`. */
export const MEMBER_NAME_SQL = `CASE WHEN m.member_type = 'person' THEN ${PERSON_SHORT_NAME_SQL} ELSE o.name_mn END`
