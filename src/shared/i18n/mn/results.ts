/** Монгол: үр дүн — төслийн зорилтын биелэлт. */
export const results = {
  'res.progressTitle': "Төслийн явц: {project}",
  'res.progressHelp': "Бүлгийн бүртгэлээс төслийн жил бүрийн эцсээр (үргэлжилж буй жилд өнөөдрөөр) тоолж, төслийн үр дүнгийн хүрээний зорилттой харьцуулав.",
  'res.figure': "Үзүүлэлт",
  'res.year': "{n}-р жил",
  'res.yearShort': "{n}-р жил",
  'res.yearRunning': "{n}-р жил ({date} хүртэл)",
  'res.ofTarget': "{actual} / {target}",
  'res.actual': "Гүйцэтгэл",
  'res.target': "Зорилт",
  'res.measure.families_in_groups': "Өөртөө туслах бүлэг дэх өрх",
  'res.measure.persons_of_member_families': "Тэдгээр өрхийн хүн",
  'res.measure.lsgs_constituted': "Бүрэн бүрдсэн том бүлэг",
  'res.measure.ssgs_active': "Гишүүнтэй жижиг бүлэг",
  'res.measure.cbos_formed': "Байгуулагдсан ОНББ",
} as const
