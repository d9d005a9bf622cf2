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
  customScripts: ['../../assets/planflow/language', '../../assets/planflow/texts']
};
