/** Which steps of a development record offer 登记 / 更正: the server's `update` on the record, and a step not yet reachable offers none. */
import type { RecordAction } from '../../lib/types';
import { allows } from '../members/record-actions';
import type { TimelineItem } from './timeline';

export function stepEditable(record: { actions: readonly RecordAction[] } | null | undefined, item: Pick<TimelineItem, 'state'>): boolean {
  return allows(record, 'update') && item.state !== 'pending';
}
