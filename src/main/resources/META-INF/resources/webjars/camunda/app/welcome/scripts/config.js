// planflow: configuration of Camunda Welcome (replaces the one shipped in the webapp jar).
// Vietnamese by default, English selectable: see ../../assets/planflow/language.js and the README.
export default {
  app: {
    name: 'Trang chủ',
    vendor: 'planflow'
  },
  locales: {
    availableLocales: ['vi', 'en'],
    fallbackLocale: 'vi'
  },
  customScripts: ['../../assets/planflow/language', '../../assets/planflow/texts']
};
