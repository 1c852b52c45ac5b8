// What the page learns from where it runs: the URL's render flags, whether it is framed, how an
// embed is laid out, a touch screen. Shared by the page's islands (islands.ts), each hydrated on
// its own, so none reads `location` twice or disagrees with another.
import { DEFAULT_FLAGS, parseFlags, type RenderFlags } from '../state/flags.ts';
import { embedLayout } from '../embed/protocol.ts';

export class PageEnv {
  flags = $state<RenderFlags>(DEFAULT_FLAGS);
  framed = $state(false);
  /** An embed fits its frame's height until it knows a host sizes the frame to its content: what
   * a bare iframe needs from the first paint (src/embed/protocol.ts embedLayout). */
  fit = $state(true);
  /** On touch screens one finger must scroll the article, never get caught panning the map. */
  touch = $state(false);
  /** The `static` flag as the map mounts: it changes no markup, so it can be known before the
   * first render (the rest waits for `learn`, after the prerendered markup is claimed). */
  readonly still: boolean;

  constructor(search = '') {
    this.still = parseFlags(search).static;
  }

  /** Reads the page's surroundings once its first island has hydrated. */
  learn(search: string, framed: boolean, touch: boolean) {
    this.flags = parseFlags(search);
    this.framed = framed;
    this.fit = embedLayout(search, framed) === 'fit';
    this.touch = touch;
  }
}
