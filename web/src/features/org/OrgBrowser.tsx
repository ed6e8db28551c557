import { type RouteSectionProps } from '@solidjs/router';
import { type Component, Match, Switch } from 'solid-js';
import { CommunityView } from './CommunityView.tsx';
import { DistrictList } from './DistrictList.tsx';
import { DistrictView } from './DistrictView.tsx';
import { GridCellView } from './GridCellView.tsx';
import { StreetView } from './StreetView.tsx';

type OrgParams = { district?: string; street?: string; community?: string; gridCell?: string };

/**
 * The org tree, one level per address: / → districts, /org/<district> → its streets, and so on
 * down to a grid cell. Each view is keyed on its code, so a new code starts a fresh query rather
 * than showing the previous unit while it loads.
 */
export const OrgBrowser: Component<RouteSectionProps<unknown>> = (props) => {
  const params = () => props.params as OrgParams;
  return (
    <Switch fallback={<DistrictList />}>
      <Match when={params().gridCell} keyed>
        {(code) => <GridCellView code={code} />}
      </Match>
      <Match when={params().community} keyed>
        {(code) => <CommunityView code={code} />}
      </Match>
      <Match when={params().street} keyed>
        {(code) => <StreetView code={code} />}
      </Match>
      <Match when={params().district} keyed>
        {(code) => <DistrictView code={code} />}
      </Match>
    </Switch>
  );
};
