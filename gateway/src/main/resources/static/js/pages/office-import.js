// Bulk registration from the door-to-door spreadsheets, one row a worker (the import itself is sheet-import.js). An
// imported or duplicate row links to the worker ("View worker", the id as the link's title).

import {sheetImport} from '../sheet-import.js';

export const render = sheetImport({
  route: '/office/workers/import',
  api: '/api/workers/import',
  template: 'worker-import-template',
  words: {title: 'import.title', lead: 'import.lead', templateText: 'import.templateText', record: 'import.worker',
    recordLink: 'import.viewWorker'},
  record: row => row.workerId,
  recordHref: id => `#/office/workers/${encodeURIComponent(id)}`,
});
