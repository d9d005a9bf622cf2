// planflow: configuration of Camunda Tasklist (replaces the one shipped in the webapp jar).
// Vietnamese by default, English selectable: see ../../assets/planflow/language.js and the README.
export default {
  app: {
    name: 'Công việc',
    vendor: 'planflow'
  },
  locales: {
    availableLocales: ['vi', 'en'],
    fallbackLocale: 'vi'
  },
  // Dates as Vietnamese officials write them, in both languages. Only Tasklist reads dateFormat;
  // the other apps use the locale's formats, numeric in vi.json.
  dateFormat: {
    monthName: 'MMMM',
    day: 'DD',
    abbr: 'DD/MM/YYYY HH:mm',
    normal: 'DD/MM/YYYY HH:mm',
    long: 'dddd, DD/MM/YYYY HH:mm',
    short: 'DD/MM/YYYY'
  },
  customScripts: ['../../assets/planflow/language', '../../assets/planflow/texts',
    '../../assets/planflow/tasklist-forms', '../../assets/planflow/tasklist-sorting'],

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'nhận công việc đang chọn'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'chuyển đến bộ lọc đầu tiên trong danh sách'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'chuyển đến công việc đầu tiên trong danh sách'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'chuyển đến ô nhập đầu tiên của biểu mẫu'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'mở hộp thoại khởi động quy trình'
    }
  }
};
