import { render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { PanelApp } from '../../../components/panel/PanelApp';
import { createPanelStore } from '../../../components/panel/panel-store';
import { spoilerShield } from '../../../lib/settings';
import { loadPack } from '../../../lib/sources/pack';
import { useLocale } from '../support/i18n';

vi.mock('../../../lib/messaging', () => ({ sendMessage: vi.fn() }));

const somos = loadPack().find((entry) => entry.key === 'pack:somos')!;
const sighting = { site: 'netflix' as const, surface: 'detail' as const, title: 'Somos.', year: 2021 };

async function renderSomos(): Promise<HTMLElement> {
  const store = createPanelStore();
  store.update({ view: { sighting, context: somos, saved: false, storage: 'ok', anchor: { element: document.body, placement: 'after' } } });
  const view = render(<PanelApp store={store} />);
  await waitFor(() => expect(view.container.querySelector('[data-backstory="panel"]')).not.toBeNull());
  return view.container.querySelector<HTMLElement>('[data-backstory="panel"]')!;
}

describe('the panel in Spanish', () => {
  it('speaks Spanish: its own words, the pack\'s Spanish prose, dates and numbers the Spanish way', async () => {
    useLocale('es');
    const root = await renderSomos();
    const text = root.textContent!;
    expect(root.querySelector('.brand')!.textContent).toBe('Historia real');
    expect(root.querySelector('.tagline')!.textContent).toBe(somos.es!.tagline);
    const source = root.querySelector('[data-section="source"]')!;
    expect(source.querySelector('h3')!.textContent).toBe('Basada en');
    expect(source.textContent).toContain('de Ginger Thompson · ProPublica con National Geographic · junio de 2017');
    expect(source.textContent).toContain(somos.basedOn[0]!.es!.summary!);
    expect(source.textContent).toContain('pódcast de Audible, 2018');
    const events = root.querySelector('[data-section="events"]')!;
    expect(events.querySelector('h3')!.textContent).toBe('Lo que pasó de verdad');
    expect(events.querySelector('.event-name')!.textContent).toBe('La masacre de Allende');
    expect(events.textContent).toContain('18–20 de marzo de 2011');
    expect(events.textContent).toContain('Allende, Coahuila, México (28,35° N; 100,85° O)');
    expect(events.textContent).toContain(somos.events[0]!.es!.summary!);
    expect(events.querySelector('.figure-label')!.textContent).toBe('Personas asesinadas o desaparecidas');
    expect(events.querySelector('.claims summary')!.textContent).toBe('Quién dice qué (11)');
    expect(events.textContent).toContain('El alcalde de Allende, hacia 2014');
    const timeline = [...events.querySelectorAll('[data-timeline] li')].map((item) => item.textContent);
    expect(timeline).toContain('18 de marzo de 2011La masacre de Allende');
    expect(timeline).toContain('30 de junio de 2021Estreno de la miniserie');
    expect(root.querySelector('[data-section="reviews"] h3')!.textContent).toBe('Lo que dijo la crítica');
    expect(events.textContent).toContain('Fuentes: ProPublica, Wikipedia (en español)');
    expect(root.querySelector('[data-section="sources"] summary')!.textContent).toBe(`De dónde sale todo esto (${somos.sources.length} fuentes)`);
    expect(screen.getByRole('button', { name: '+ Guardar en tu lista' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Cerrar el panel de la historia real' })).toBeTruthy();
    // None of the English it replaces.
    for (const english of ['What really happened', somos.events[0]!.summary!, somos.tagline!, 'Based on', 'March 2011']) expect(text).not.toContain(english);
  });

  it('never translates a quote, a title or a name', async () => {
    useLocale('es');
    const root = await renderSomos();
    expect(root.querySelector('blockquote')!.textContent).toBe(`“${somos.reviews[0]!.quote}”`);
    expect(root.querySelector('.work-title')!.textContent).toBe('“How the U.S. Triggered a Massacre in Mexico”');
    expect(root.querySelector('h2')!.textContent).toBe('Somos.');
    expect(root.querySelector('.review figcaption')!.textContent).toContain('Jack Seale, The Guardian, 30 de junio de 2021');
  });

  it('shields in Spanish too', async () => {
    useLocale('es');
    await spoilerShield.setValue('outcomes');
    const root = await renderSomos();
    expect(root.textContent).not.toContain(somos.events[0]!.es!.summary!);
    expect(screen.getByRole('button', { name: 'Mostrar lo que pasó' })).toBeTruthy();
  });
});
