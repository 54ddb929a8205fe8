/** Stable codes of the scenario loader (LCFF-S001..LCFF-S099). Never renumber. */
export const ScenarioCodes = {
  // files and syntax
  yamlSyntax: 'LCFF-S001',
  fileUnreadable: 'LCFF-S002',
  notAMapping: 'LCFF-S003',
  /** a data file named by the scenario lies outside its folder (and outside --data-dir) */
  fileOutside: 'LCFF-S004',
  // shape
  unknownKey: 'LCFF-S010',
  missingKey: 'LCFF-S011',
  wrongType: 'LCFF-S012',
  unknownEnum: 'LCFF-S013',
  // values
  badFiscalYear: 'LCFF-S020',
  badCds: 'LCFF-S021',
  badSchoolCode: 'LCFF-S022',
  badCountyCode: 'LCFF-S023',
  badDecimal: 'LCFF-S024',
  negativeAda: 'LCFF-S025',
  adaPlaces: 'LCFF-S026',
  badCount: 'LCFF-S027',
  badGrade: 'LCFF-S028',
  unknownBasis: 'LCFF-S029',
  emptyBasis: 'LCFF-S030',
  basisNoneWithOthers: 'LCFF-S031',
  badOperator: 'LCFF-S032',
  negativeRate: 'LCFF-S033',
  unduplicatedOverEnrollment: 'LCFF-S034',
  emptyText: 'LCFF-S035',
  badBoolean: 'LCFF-S036',
  /** the same enrollment basis twice in one student's list */
  duplicateBasis: 'LCFF-S037',
  /** a charter's declared enrollment/unduplicated count is below its own census-day students in the scenario */
  countsContradictStudents: 'LCFF-S038',
  /** warning: the scenario has no students (a CSV with a header line only) */
  noStudents: 'LCFF-S039',
  // references and duplicates
  unknownSchool: 'LCFF-S040',
  unknownCharter: 'LCFF-S041',
  unknownDistrict: 'LCFF-S042',
  duplicateStudent: 'LCFF-S043',
  duplicateCds: 'LCFF-S044',
  duplicateSchool: 'LCFF-S045',
  duplicateAgreement: 'LCFF-S046',
  duplicatePadcEntry: 'LCFF-S047',
  coeOutsideCounty: 'LCFF-S048',
  // years
  historyNotPrior: 'LCFF-S050',
  correctionNotPrior: 'LCFF-S051',
  // agreements and options
  agreementEmpty: 'LCFF-S055',
  agreementOutOfYears: 'LCFF-S056',
  unknownOption: 'LCFF-S057',
  badOptionValue: 'LCFF-S058',
  // CSV student files
  csvSyntax: 'LCFF-S060',
  csvMissingColumn: 'LCFF-S061',
  csvUnknownColumn: 'LCFF-S062',
  csvColumnCount: 'LCFF-S063',
  csvEmpty: 'LCFF-S064',
  csvMappedHeaderMissing: 'LCFF-S065',
  csvColumnsIgnored: 'LCFF-S066',
  csvColumnMap: 'LCFF-S067',
  // projection assumptions (`assumptions:`, --assumptions)
  /** a percent not written as one (3.02%) */
  badPercent: 'LCFF-S070',
  /** an assumed change of -100% or less */
  assumptionRange: 'LCFF-S071',
  /** a projected year past the library's horizon without a COLA assumption */
  missingCola: 'LCFF-S072',
  /** an assumption for a year the projection does not project (the scenario's or before, one the library holds enacted law for, or after the last year asked for) */
  assumptionYear: 'LCFF-S073',
  // internal: the result JSON does not match schemas/result.schema.json
  resultSchema: 'LCFF-S090',
  internalIncomplete: 'LCFF-S099',
} as const;

export type ScenarioCode = (typeof ScenarioCodes)[keyof typeof ScenarioCodes];
