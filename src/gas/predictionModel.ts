/**
 * The purchase model the last refresh chose (issue 15), kept for NEXTPURCHASE: the backtest that
 * chooses it fits three models on the orders before the last 90 days, more than a custom function's
 * 30 seconds allow on a large shop, so the formula fits only the model the refresh chose (the Fan
 * Funnel tab's 予測の確かさ names it), and BG/NBD before the first refresh.
 */
import { DEFAULT_MODEL, MODEL_IDS, type ModelId } from '../core/predict/models';
import type { PredictionResult } from '../core/predict/predict';
import { PROPERTY_KEYS } from './keys';
import { documentStore, readJson, writeJson } from './properties';

interface Stored {
  readonly model: ModelId;
  /** The refresh's as-of day (ISO), for whoever reads the property. */
  readonly asOf: string;
}

/** Records the model the refresh's predictions came from (BG/NBD when there were none). */
export function rememberModel(prediction: PredictionResult, asOf: string): void {
  const stored: Stored = { model: prediction.model?.id ?? DEFAULT_MODEL, asOf };
  writeJson(documentStore(), PROPERTY_KEYS.predictionModel, stored);
}

/** The model the last refresh chose; BG/NBD when none was recorded (or the record is unreadable). */
export function chosenModel(): ModelId {
  const v = readJson(documentStore(), PROPERTY_KEYS.predictionModel) as Partial<Stored> | undefined;
  return MODEL_IDS.find((id) => id === v?.model) ?? DEFAULT_MODEL;
}
