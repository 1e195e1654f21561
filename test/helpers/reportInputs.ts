/** Report requests on the demo (seed 1) that every report test can walk: one of each report, with its period. */
export const DEMO_REPORTS = [
  { report: 'membership', year: 2009 },
  { report: 'fees', year: 2009 },
  { report: 'assemblies', year: 2009 },
  { report: 'annual', year: 2009 },
  { report: 'financial', projectYear: 2 },
  { report: 'funds', projectYear: 2 },
  { report: 'ledger', from: '2009-01-01', to: '2009-03-31' },
  { report: 'collection', area: 'DOR', date: '2009-06-03' },
  { report: 'portfolio', date: '2010-06-30' },
  { report: 'group-funds', from: '2009-01-01', to: '2009-12-31' },
  // Person 191 of the demo (seed 1) borrows in 2009.
  { report: 'passbook', person: '191', date: '2010-06-30' },
]

/** The other reports and periods: groups, attendance, results, and the finance reports over a project year or the whole project. */
export const MORE_REPORTS = [
  { report: 'groups', year: 2009 },
  { report: 'attendance', from: '2009-03-01', to: '2010-02-28' },
  { report: 'financial' },
  { report: 'ledger', projectYear: 2 },
  { report: 'activities', year: 2009 },
  { report: 'progress', projectYear: 2 },
  { report: 'ngo-annual', year: 2009 },
]
