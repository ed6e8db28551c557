import { createQuery } from '@urql/solid';
import { type Component, createSignal, For, Show } from 'solid-js';
import { graphql, type ResultOf } from '../../graphql/graphql.ts';
import { t, unitName } from '../../i18n/index.ts';
import { ActionOutcome } from '../../ui/ActionOutcome.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { useVolunteerStep, VolunteerActionErrorFields, volunteerOutcomeNames } from './volunteerAction.ts';
import { claimAction, claimLabel, placesLabel, POST_CATEGORIES, type PostCategory } from './volunteerFigures.ts';
import { homeCommunity, useVolunteerViewer } from './volunteerViewer.ts';

/** A post as the catalogue shows it, with the viewer's claim. Unmasked: the rules read it. */
export const VolunteerPostListCardFields = graphql(`
  fragment VolunteerPostListCardFields on VolunteerPost @_unmask {
    id
    title
    category
    description
    schedule
    skills
    places
    claimed
    placesLeft
    waitlisted
    open
    version
    community {
      id
      code
      name
      nameEn
    }
    myClaim {
      id
      status
      waitlistPosition
    }
  }
`);

type Post = ResultOf<typeof VolunteerPostListCardFields>;

const VolunteerPostListQuery = graphql(
  `
    query VolunteerPostListQuery($communityCode: String, $category: [PostCategory!], $openOnly: Boolean) {
      volunteerPosts(communityCode: $communityCode, category: $category, openOnly: $openOnly, first: 50) {
        totalCount
        edges {
          node {
            ...VolunteerPostListCardFields
          }
        }
      }
    }
  `,
  [VolunteerPostListCardFields],
);

const VolunteerPostListClaimMutation = graphql(
  `
    mutation VolunteerPostListClaimMutation($input: ClaimVolunteerPostInput!) {
      claimVolunteerPost(input: $input) {
        __typename
        ... on ClaimVolunteerPostResult {
          result {
            post {
              ...VolunteerPostListCardFields
            }
            claim {
              id
              status
              waitlistPosition
            }
          }
        }
        ...VolunteerActionErrorFields
      }
    }
  `,
  [VolunteerPostListCardFields, VolunteerActionErrorFields],
);

/** One post: what, when, places left, and the viewer's claim (or the button that claims or waitlists). */
const PostCard: Component<{ post: Post; mayClaim: boolean }> = (props) => {
  const claim = useVolunteerStep(VolunteerPostListClaimMutation, (data) => data.claimVolunteerPost);
  const [done, setDone] = createSignal<string | null>(null);
  const action = () => (props.mayClaim ? claimAction(props.post) : null);
  const submit = async () => {
    setDone(null);
    const payload = await claim.send({ postId: props.post.id, waitlist: true });
    if (payload?.__typename !== 'ClaimVolunteerPostResult') return;
    const made = payload.result.claim;
    setDone(
      made?.status === 'WAITLISTED' && made.waitlistPosition !== null
        ? t('volunteers.claim.waitlistedNow', { position: made.waitlistPosition })
        : t('volunteers.claim.claimedNow', { title: props.post.title }),
    );
  };
  return (
    <article class="post-card" classList={{ 'post-closed': !props.post.open }} data-testid="post-card" data-post={props.post.id} data-title={props.post.title}>
      <header>
        <span class={`badge post-category post-category-${props.post.category.toLowerCase()}`}>{t(`volunteers.category.${props.post.category}`)}</span>
        <h3>{props.post.title}</h3>
      </header>
      <p>{props.post.description}</p>
      <p class="muted">
        {t('volunteers.schedule', { schedule: props.post.schedule })} · {unitName(props.post.community)}
      </p>
      <Show when={props.post.skills.length > 0}>
        <p class="muted">{t('volunteers.skills', { skills: props.post.skills.join(t('common.listSeparator')) })}</p>
      </Show>
      <p class="post-places" classList={{ 'post-full': props.post.placesLeft === 0 }} data-testid="post-places">
        {placesLabel(props.post)}
      </p>
      <div class="post-actions">
        <Show when={props.post.myClaim && props.post.myClaim.status !== 'CANCELLED' ? props.post.myClaim : null}>
          {(mine) => (
            <span class="badge badge-ok" data-testid="post-my-claim" data-status={mine().status}>
              {claimLabel(mine())}
            </span>
          )}
        </Show>
        <Show when={action()}>
          {(kind) => (
            <button type="button" class="button" classList={{ 'button-primary': kind() === 'claim' }} disabled={claim.state.fetching} onClick={() => void submit()} data-testid="post-claim" data-action={kind()}>
              {kind() === 'claim' ? t('volunteers.claimButton') : t('volunteers.waitlistButton')}
            </button>
          )}
        </Show>
      </div>
      <Show when={done()}>
        {(message) => (
          <p class="status" role="status" data-testid="post-claimed">
            {message()}
          </p>
        )}
      </Show>
      <ActionOutcome failure={claim.failure()} names={volunteerOutcomeNames} onReload={() => claim.setFailure(null)} />
    </article>
  );
};

/** The post catalogue (岗位认领): a community's posts by category, places left, and for a party member the claim. */
export const VolunteerPostList: Component = () => {
  const viewer = useVolunteerViewer();
  const [community, setCommunity] = createSignal(homeCommunity(viewer()));
  const [draft, setDraft] = createSignal('');
  const [category, setCategory] = createSignal<PostCategory | null>(null);
  const [openOnly, setOpenOnly] = createSignal(true);
  const [result, reexecute] = createQuery({
    query: VolunteerPostListQuery,
    variables: () => ({ communityCode: community(), category: category() ? [category()!] : null, openOnly: openOnly() }),
  });
  const posts = () => result.data?.volunteerPosts.edges.map((edge) => edge.node) ?? [];

  return (
    <div class="volunteers-page">
      <h1>{t('volunteers.nav.posts')}</h1>
      <form
        class="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (/^\d{12}$/.test(draft().trim())) setCommunity(draft().trim());
        }}
      >
        <label for="posts-community">{t('volunteers.community')}</label>
        <input id="posts-community" inputmode="numeric" placeholder={community()} value={draft()} onInput={(event) => setDraft(event.currentTarget.value)} />
        <button type="submit" class="button">
          {t('volunteers.show')}
        </button>
        <label class="check">
          <input type="checkbox" checked={openOnly()} onChange={(event) => setOpenOnly(event.currentTarget.checked)} data-testid="posts-open-only" />
          {t('volunteers.openOnly')}
        </label>
      </form>
      <div class="segmented" role="group" aria-label={t('volunteers.allCategories')}>
        <button type="button" class="chip" classList={{ 'chip-on': category() === null }} aria-pressed={category() === null} onClick={() => setCategory(null)}>
          {t('volunteers.allCategories')}
        </button>
        <For each={POST_CATEGORIES}>
          {(key) => (
            <button type="button" class="chip" classList={{ 'chip-on': category() === key }} aria-pressed={category() === key} onClick={() => setCategory(key)} data-testid={`posts-category-${key}`}>
              {t(`volunteers.category.${key}`)}
            </button>
          )}
        </For>
      </div>
      <QueryState state={result} onRetry={() => reexecute({ requestPolicy: 'network-only' })}>
        <Show when={posts().length > 0} fallback={<p class="empty">{t('volunteers.empty')}</p>}>
          <div class="post-grid" data-testid="post-list">
            <For each={posts()}>{(post) => <PostCard post={post} mayClaim={viewer().myPartyMember !== null} />}</For>
          </div>
        </Show>
      </QueryState>
    </div>
  );
};
