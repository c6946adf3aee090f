import { fireEvent, render, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { PanelApp } from '../../../components/panel/PanelApp';
import { createPanelStore } from '../../../components/panel/panel-store';
import { loadPack } from '../../../lib/sources/pack';

vi.mock('../../../lib/messaging', () => ({ sendMessage: vi.fn() }));

const somos = loadPack().find((entry) => entry.key === 'pack:somos')!;

describe('keyboard focus when the panel folds and unfolds', () => {
  it('goes to the button that undoes it', async () => {
    const store = createPanelStore();
    store.update({ view: { sighting: { site: 'netflix', surface: 'detail', title: 'Somos.' }, context: somos, saved: false, storage: 'ok', anchor: { element: document.body, placement: 'after' } } });
    const { container } = render(<PanelApp store={store} />);
    const action = (name: string) => container.querySelector<HTMLButtonElement>(`[data-action="${name}"]`);
    await waitFor(() => expect(action('collapse')).not.toBeNull());
    action('collapse')!.focus();
    fireEvent.click(action('collapse')!);
    await waitFor(() => expect(document.activeElement).toBe(action('expand')));
    fireEvent.click(action('expand')!);
    await waitFor(() => expect(document.activeElement).toBe(action('collapse')));
  });
});
