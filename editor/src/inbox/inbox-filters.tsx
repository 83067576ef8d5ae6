import { useTranslation } from 'react-i18next';
import type { HandoffList, InboxFilter } from './api';
import { queueName } from './words';

const VIEWS: readonly InboxFilter['view'][] = ['active', 'mine', 'closed'];

/** The list's views (open, mine, closed) and one tab per queue with how many are open in it. */
export function InboxFilters({
  filter,
  onChange,
  counts,
}: {
  filter: InboxFilter;
  onChange: (filter: InboxFilter) => void;
  /** The open conversations (all queues), for the tabs' counts. */
  counts: HandoffList | undefined;
}) {
  const { t } = useTranslation();
  const queues = counts?.queues ?? [];
  const names = queues.map((q) => q.queue);
  if (filter.queue && !names.includes(filter.queue)) names.push(filter.queue);
  const total = queues.reduce((sum, q) => sum + q.open + q.assigned, 0);
  const countOf = (queue: string) => queues.find((q) => q.queue === queue);
  return (
    <div className="inbox-filters">
      <fieldset className="inbox-views">
        <legend className="sr-only">{t('inbox.views.label')}</legend>
        {VIEWS.map((view) => (
          <button
            key={view}
            type="button"
            className="inbox-view"
            aria-pressed={filter.view === view}
            onClick={() => onChange({ ...filter, view })}
          >
            {t(`inbox.views.${view}`)}
          </button>
        ))}
      </fieldset>
      <fieldset className="inbox-queues">
        <legend className="sr-only">{t('inbox.queues.label')}</legend>
        <QueueTab
          label={t('inbox.queues.all')}
          count={total}
          open={counts?.unassigned ?? 0}
          selected={filter.queue === null}
          onClick={() => onChange({ ...filter, queue: null })}
        />
        {names.map((queue) => {
          const count = countOf(queue);
          return (
            <QueueTab
              key={queue}
              label={queueName(t, queue)}
              count={(count?.open ?? 0) + (count?.assigned ?? 0)}
              open={count?.open ?? 0}
              selected={filter.queue === queue}
              onClick={() => onChange({ ...filter, queue })}
            />
          );
        })}
      </fieldset>
    </div>
  );
}

function QueueTab(props: {
  label: string;
  count: number;
  open: number;
  selected: boolean;
  onClick: () => void;
}) {
  const { t } = useTranslation();
  const summary = t('inbox.queues.summary', {
    open: props.open,
    taken: props.count - props.open,
  });
  return (
    <button
      type="button"
      className="inbox-queue-tab"
      aria-pressed={props.selected}
      title={summary}
      onClick={props.onClick}
    >
      {props.label}
      <span className={props.open > 0 ? 'inbox-count inbox-count-open' : 'inbox-count'}>
        <span aria-hidden>{props.count}</span>
        <span className="sr-only">{summary}</span>
      </span>
    </button>
  );
}
