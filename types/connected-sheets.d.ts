// Members Google documents that @types/google-apps-script 2.0.13 lacks, for Connected Sheets
// (issue 16). Each is on Google's reference page named beside it. emulator/surface.extract.ts reads
// this file with the installed typings, so the fakes are completed against these members too.
declare namespace GoogleAppsScript {
  namespace Spreadsheet {
    interface Spreadsheet {
      /** https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#insertDataSourceSheet(DataSourceSpec) */
      insertDataSourceSheet(spec: DataSourceSpec): DataSourceSheet;
      /** https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getDataSourceSheets() */
      getDataSourceSheets(): DataSourceSheet[];
    }
  }
}
