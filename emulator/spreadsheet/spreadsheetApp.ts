/** The SpreadsheetApp global: the active spreadsheet, its active sheet, the UI. */
import { Ctx, Fake, defineEnums, finishFake, real } from '../core';
import { FakeUi } from '../ui';
import { activeSheet, type BookModel } from './book';
import { DeveloperMetadataLocationType, DeveloperMetadataVisibility } from './developerMetadata';
import { ProtectionType } from './protection';
import { DataExecutionErrorCode, DataExecutionState, DataSourceType, FakeDataSourceSpecBuilder, enableBigQuery } from './dataSources';
import { activateSheet, sheetFacade } from './sheet';
import { FakeSpreadsheet } from './spreadsheet';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export class FakeSpreadsheetApp
  extends Fake<GoogleAppsScript.Spreadsheet.SpreadsheetApp>
  implements Pick<GoogleAppsScript.Spreadsheet.SpreadsheetApp, 'getActive' | 'getActiveSpreadsheet' | 'getActiveSheet' | 'getUi' | 'flush' | 'openById' | 'setActiveSheet' | 'enableBigQueryExecution' | 'newDataSourceSpec'>
{
  constructor(
    ctx: Ctx,
    private _book: BookModel,
  ) {
    super(ctx);
  }
  /** Google: "Returns the currently active spreadsheet, or null if there is none." (no containing document) */
  getActive(): Spreadsheet {
    return this._active();
  }
  getActiveSpreadsheet(): Spreadsheet {
    return this._active();
  }
  private _active(): Spreadsheet {
    if (!this._ctx.execution.document) return null as unknown as Spreadsheet;
    return real(new FakeSpreadsheet(this._ctx, this._book));
  }
  getActiveSheet(): Sheet {
    return sheetFacade(this._ctx, this._book, activeSheet(this._book));
  }
  setActiveSheet(sheet: Sheet): Sheet {
    return activateSheet(this._ctx, this._book, sheet);
  }
  getUi(): GoogleAppsScript.Base.Ui {
    return real(new FakeUi(this._ctx, this._book.ui));
  }
  /** Commits pending writes: charged as a commit (cost.ts). */
  flush(): void {}
  /** Connected Sheets: see dataSources.ts. */
  enableBigQueryExecution(): void {
    enableBigQuery(this._ctx, this._book);
  }
  newDataSourceSpec(): GoogleAppsScript.Spreadsheet.DataSourceSpecBuilder {
    return real(new FakeDataSourceSpecBuilder(this._ctx));
  }
  openById(id: string): Spreadsheet {
    if (id === this._book.o.id) return this.getActive();
    return this._ctx.fail('Unexpected error while getting the method or property openById on object SpreadsheetApp.');
  }
}
defineEnums(FakeSpreadsheetApp, { DeveloperMetadataVisibility, DeveloperMetadataLocationType, ProtectionType, DataExecutionState, DataExecutionErrorCode, DataSourceType });
finishFake(FakeSpreadsheetApp, 'Spreadsheet.SpreadsheetApp');
