// planflow: configuration of Camunda Cockpit (replaces the one shipped in the webapp jar).
// Vietnamese by default, English selectable: see ../../assets/planflow/language.js and the README.
export default {
  app: {
    name: 'Giám sát quy trình',
    vendor: 'planflow'
  },
  locales: {
    availableLocales: ['vi', 'en'],
    fallbackLocale: 'vi'
  },
  customScripts: ['../../assets/planflow/language', '../../assets/planflow/texts']
};
