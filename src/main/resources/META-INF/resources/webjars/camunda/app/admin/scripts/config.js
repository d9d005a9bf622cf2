// planflow: configuration of Camunda Admin (replaces the one shipped in the webapp jar).
// Vietnamese by default, English selectable: see ../../assets/planflow/language.js and the README.
export default {
  app: {
    name: 'Quản trị',
    vendor: 'planflow'
  },
  locales: {
    availableLocales: ['vi', 'en'],
    fallbackLocale: 'vi'
  },
  // Dates as Vietnamese officials write them, in both languages.
  dateFormat: {
    monthName: 'MMMM',
    day: 'DD',
    abbr: 'DD/MM/YYYY HH:mm',
    normal: 'DD/MM/YYYY HH:mm',
    long: 'dddd, DD/MM/YYYY HH:mm',
    short: 'DD/MM/YYYY'
  },
  customScripts: ['../../assets/planflow/language']
};
