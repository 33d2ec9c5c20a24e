/** The dataset's notes as messages (keys and parameters), for the quality report and the Data page. */
import type { DatasetNotes } from './dataset-notes';
import type { IngestMessage } from './messages';

export function datasetMessages(notes: DatasetNotes): IngestMessage[] {
	const out: IngestMessage[] = [];
	if (notes.undated > 0) out.push({ key: 'undated_records', params: { count: notes.undated } });
	if (notes.missingRates.length)
		out.push({ key: 'fx_missing_rates', params: { currencies: notes.missingRates.join(', ') } });
	return out;
}
