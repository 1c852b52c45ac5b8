// The page in islands: each prerendered and hydrated on its own (main.ts), in this order, one task
// each, so no task of start-up blocks a phone's main thread for the whole page (what the first
// view needs first: the map; the places list and the sources last). The shell around them
// (shell.ts) is static markup.
import type { Component } from 'svelte';
import Stepper from '../reading/Stepper.svelte';
import Article from '../reading/Article.svelte';
import EmbedHeader from '../embed/EmbedHeader.svelte';
import type { PageData } from '../state/page.ts';
import Announcer from './Announcer.svelte';
import EmbedMore from './EmbedMore.svelte';
import type { PageEnv } from './env.svelte.ts';
import MapColumn from './MapColumn.svelte';
import PageEnd from './PageEnd.svelte';

export type IslandId = 'header' | 'map' | 'announcer' | 'stepper' | 'article' | 'end';

export interface Island {
  id: IslandId;
  component: Component<Record<string, unknown>>;
  props: Record<string, unknown>;
}

/** The element an island is rendered into. */
export const islandElementId = (id: IslandId) => `island-${id}`;

const island = <P extends Record<string, unknown>>(
  id: IslandId,
  component: Component<P>,
  props: P,
): Island => ({ id, component: component as Component<Record<string, unknown>>, props });

/** A page's islands in the order they hydrate. */
export function islands(page: PageData, env: PageEnv): Island[] {
  const embed = page.mode === 'embed';
  return [
    ...(embed
      ? [
          island('header', EmbedHeader, {
            story: page.story,
            get plain() {
              return env.flags.plain;
            },
          }),
        ]
      : []),
    island('map', MapColumn, { page, env }),
    island('announcer', Announcer, {}),
    island('stepper', Stepper, {}),
    ...(embed
      ? [island('end', EmbedMore, { page, env })]
      : [
          island('article', Article, { folder: page.files.folder }),
          island('end', PageEnd, { page, env }),
        ]),
  ];
}
