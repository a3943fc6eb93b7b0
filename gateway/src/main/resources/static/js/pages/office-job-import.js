// Job postings in bulk from an employer's or a labour-service firm's spreadsheet, one row a posting, run like the
// workers' import (sheet-import.js). A posted or duplicate row links to its posting ("View posting", the id as the
// link's title).

import {sheetImport} from '../sheet-import.js';

export const render = sheetImport({
  route: '/office/jobs/import',
  api: '/api/jobs/import',
  template: 'job-import-template',
  words: {title: 'jobImport.title', lead: 'jobImport.lead', templateText: 'jobImport.templateText',
    record: 'jobImport.posting', recordLink: 'jobImport.viewPosting'},
  back: ['#/office/jobs', 'jobImport.back'],
  record: row => row.jobId,
  recordHref: id => `#/office/jobs?job=${encodeURIComponent(id)}`,
  // The service names a site's fields site.lat and so on; the sheet's columns are siteName, city, lat and lon.
  fieldKey: field => `jobImport.column.${({'site.name': 'siteName', 'site.city': 'city', 'site.lat': 'lat',
    'site.lon': 'lon'})[field] || field}`,
});
