import { A } from '@solidjs/router';
import { type Component, For } from 'solid-js';

/** One page of a section. */
export interface SectionTab {
  href: string;
  label: string;
  /** whether the page shown is this tab's (or one opened from it) */
  current: boolean;
  testId: string;
}

interface SectionTabsProps {
  /** the navigation's name, for screen readers */
  label: string;
  tabs: readonly SectionTab[];
}

/** A section's sub-navigation (tickets, whistles …): its pages as tabs, the current one marked. */
export const SectionTabs: Component<SectionTabsProps> = (props) => (
  <nav class="section-tabs" aria-label={props.label}>
    <ul>
      <For each={props.tabs}>
        {(tab) => (
          <li>
            <A
              href={tab.href}
              class="section-tab"
              classList={{ 'section-tab-active': tab.current }}
              activeClass=""
              inactiveClass=""
              end
              aria-current={tab.current ? 'page' : undefined}
              data-testid={tab.testId}
            >
              {tab.label}
            </A>
          </li>
        )}
      </For>
    </ul>
  </nav>
);
