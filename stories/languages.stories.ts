import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import { ALL_STATUSES, part, settledCard, statusOverview as overview, text, type CardArgs } from './story-helpers.ts';

/**
 * Every built-in language, each showing the seven statuses side by side. The
 * card follows `lang` (its own, an ancestor's, `<html lang>`, then the browser's); each
 * language other than English is a chunk loaded the first time a card needs it.
 */
const meta = {
  title: 'Scenarios/Languages',
  component: 'integration-sync-card',
  args: { lang: 'en' },
  parameters: {
    controls: { disable: true },
    a11y: {
      // KNOWN ELEMENT ISSUE (as in the "All statuses" story): each card is a region named
      // "<integration> <sync type>", and two records here show the same sync type, so a landmark
      // name repeats. Re-enable once the element changes.
      config: { rules: [{ id: 'landmark-unique', enabled: false }] },
    },
  },
  render: (args) => overview(args),
} satisfies Meta<CardArgs>;

export default meta;
type Story = StoryObj<CardArgs>;

/** Checks each card shows its status, and that the first one ("up to date") reads `label`. */
async function expectOverviewIn(canvasElement: HTMLElement, label: string): Promise<HTMLElement[]> {
  const elements: HTMLElement[] = [];
  for (const [index, { status }] of ALL_STATUSES.entries()) {
    const element = await settledCard(canvasElement, index);
    await expect(part(element, 'status')).toHaveAttribute('data-status', status);
    elements.push(element);
  }
  // The locale loads on demand: wait for it rather than for a fixed time.
  await waitFor(() => expect(text(part(elements[0], 'status'))).toBe(label));
  return elements;
}

function languageStory(lang: string, name: string, firstLabel: string): Story {
  return {
    name,
    args: { lang },
    play: async ({ canvasElement }) => {
      await expectOverviewIn(canvasElement, firstLabel);
    },
  };
}

/** English, the default (and the only language in the first-load bundle). */
export const English = languageStory('en', 'English (en)', 'Up to date');

/** French: the labels of the CRM's French help centre. */
export const French = languageStory('fr', 'Français (fr)', 'À jour');

export const German = languageStory('de', 'Deutsch (de)', 'Aktuell');

export const Spanish = languageStory('es', 'Español (es)', 'Actualizado');

/** Japanese: no spaces, polite form; dates from Intl ("3 分前"). */
export const Japanese = languageStory('ja', '日本語 (ja)', '最新');

export const BrazilianPortuguese = languageStory('pt-BR', 'Português do Brasil (pt-BR)', 'Atualizado');

/** Hebrew, right to left: here inside a `dir="rtl"` container, as on a Hebrew CRM page. */
export const Hebrew: Story = {
  name: 'עברית (he)',
  args: { lang: 'he' },
  decorators: [(story) => html`<div dir="rtl">${story()}</div>`],
  play: async ({ canvasElement }) => {
    const elements = await expectOverviewIn(canvasElement, 'מעודכן');
    for (const element of elements) {
      await expect(getComputedStyle(element).direction).toBe('rtl');
      await expect(getComputedStyle(part(element, 'card')).direction).toBe('rtl');
    }
  },
};
