/** English: results — what the project achieved against its targets. */
export const results = {
  'res.progressTitle': "Project progress: {project}",
  'res.progressHelp': "Counted from the group records at the end of each project year (today for the year still running), against the targets of the project's results framework.",
  'res.figure': "Figure",
  'res.year': "Year {n}",
  'res.yearShort': "Y{n}",
  'res.yearRunning': "Year {n} (to {date})",
  'res.ofTarget': "{actual} / {target}",
  'res.actual': "Actual",
  'res.target': "Target",
  'res.measure.families_in_groups': "Families in self-help groups",
  'res.measure.persons_of_member_families': "Persons of those families",
  'res.measure.lsgs_constituted': "Large groups constituted",
  'res.measure.ssgs_active': "Small groups with members",
  'res.measure.cbos_formed': "CBOs founded",
} as const
