import type { Ctx } from '../../context.js';
import { loadTask, presentEvent, presentTask } from './task-records.js';
import type { TaskDetail } from './tasks.schema.js';

/** A task the caller sees, with the list item it comes from and its events in order (progress and supervision). */
export async function getTask(ctx: Ctx, id: number): Promise<TaskDetail> {
  const row = await loadTask(ctx, id);
  const [events, item] = await Promise.all([
    ctx.db
      .selectFrom('task_events')
      .select(['id', 'task_id', 'kind', 'happened_on', 'content', 'percent', 'actor'])
      .where('task_id', '=', id)
      .orderBy('happened_on')
      .orderBy('id')
      .execute(),
    row.item_id === null
      ? Promise.resolve(undefined)
      : ctx.db
          .selectFrom('list_items as i')
          .innerJoin('responsibility_lists as l', 'l.id', 'i.list_id')
          .select(['i.id', 'i.list_id', 'l.title', 'i.seq', 'i.content'])
          .where('i.id', '=', row.item_id)
          .executeTakeFirst(),
  ]);
  return {
    ...presentTask(row, ctx.clock.today()),
    item: item ? { id: item.id, listId: item.list_id, listTitle: item.title, seq: Number(item.seq), content: item.content } : null,
    events: events.map((e) => presentEvent({ ...e, percent: e.percent === null ? null : Number(e.percent) })),
  };
}
