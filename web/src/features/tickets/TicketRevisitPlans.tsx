import { createQuery } from '@urql/solid';
import { type Component, For, Show } from 'solid-js';
import { graphql, type ResultOf } from '../../graphql/graphql.ts';
import { formatDate, t } from '../../i18n/index.ts';
import { QueryState } from '../../ui/QueryState.tsx';

const TicketRevisitPlansQuery = graphql(`
  query TicketRevisitPlansQuery {
    revisitPlans(first: 10) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          name
          keyword
          createdAt
          items {
            dueAt
            doneAt
            ticket {
              id
              number
            }
          }
        }
      }
    }
  }
`);

type RevisitPlan = ResultOf<typeof TicketRevisitPlansQuery>['revisitPlans']['edges'][number]['node'];

/** The latest revisit plans (回头看), with how many of their follow-ups are done and when they are due. */
export const TicketRevisitPlans: Component = () => {
  const [result, reexecute] = createQuery({ query: TicketRevisitPlansQuery });
  const plans = () => result.data?.revisitPlans.edges.map((edge) => edge.node) ?? [];
  // the plan is due when its last follow-up is
  const dueOf = (plan: RevisitPlan) => plan.items.map((item) => item.dueAt).sort().at(-1);
  return (
    <section class="panel" aria-labelledby="revisit-plans-heading" data-testid="revisit-plans">
      <h2 id="revisit-plans-heading">{t('tickets.hotspots.plansHeading')}</h2>
      <QueryState state={result} onRetry={() => reexecute({ requestPolicy: 'network-only' })}>
        <Show when={plans().length > 0} fallback={<p class="muted">{t('tickets.hotspots.plansEmpty')}</p>}>
          <ul class="plans">
            <For each={plans()}>
              {(plan) => (
                <li data-testid="revisit-plan">
                  <span class="plan-name" lang="zh-CN">
                    {plan.name}
                  </span>
                  <span class="muted">
                    {t('tickets.hotspots.planItems', { done: plan.items.filter((item) => item.doneAt).length, count: plan.items.length })}
                    <Show when={dueOf(plan)}>{(due) => <> · {t('tickets.hotspots.planDueBy', { date: formatDate(due()) })}</>}</Show>
                  </span>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </QueryState>
    </section>
  );
};
