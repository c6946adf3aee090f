/**
 * Events that must not reach the page from inside our elements: keys would drive the player's
 * shortcuts (space pauses, Esc closes Netflix's modal), clicks could toggle playback, close the
 * modal or open a card. Our own listeners inside the shadow root run first, so our UI still sees them.
 */
const INPUT_EVENTS = ['keydown', 'keyup', 'keypress', 'click', 'dblclick', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'wheel'];

/** Hovering a card opens Netflix's preview: hovering or focusing our badge on that card must not. */
export const HOVER_EVENTS = ['mouseover', 'mouseout', 'pointerover', 'pointerout', 'focusin', 'focusout'];

const stop = (event: Event) => event.stopPropagation();

export function isolateEvents(host: HTMLElement, extra: readonly string[] = []): void {
  for (const type of [...INPUT_EVENTS, ...extra]) host.addEventListener(type, stop);
}
