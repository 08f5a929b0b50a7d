import { dataOf, type Api } from '../api.js';
import { facts, h, time } from '../dom.js';
import type { View, ViewContext } from '../view.js';

const UNITS = { seconds: 1, minutes: 60, hours: 3_600, days: 86_400 } as const;

/** The reference tools' actions: move the test clock (every job runs before the answer), reset the account. */
export const toolsView: View<Awaited<ReturnType<typeof load>>> = {
  title: 'Tools',
  controls: (context) => h('div', { class: 'tools' }, clockForm(context), resetForm(context)),
  load: ({ api }) => load(api),
  render: (clock) => facts('clock-state', [['Now (test clock)', time(clock.now)], ['Moved forward by', `${clock.offsetSeconds} s (${(clock.offsetSeconds / 86_400).toFixed(2)} days)`]]),
};

async function load(api: Api) {
  return dataOf(await api.GET('/_reference/clock', {}));
}

function clockForm({ api, refresh }: ViewContext): Node {
  const amount = h('input', { type: 'number', min: 1, step: 1, value: 1, 'aria-label': 'How far', 'data-testid': 'clock-amount' });
  const unit = h('select', { 'aria-label': 'Unit', 'data-testid': 'clock-unit' }, ...Object.keys(UNITS).map((name) => h('option', { value: name, selected: name === 'days' }, name)));
  const note = h('span', { class: 'muted', 'data-testid': 'clock-note' });
  return h(
    'form',
    {
      class: 'card',
      onsubmit: async (event: Event) => {
        event.preventDefault();
        const seconds = Math.round(Number(amount.value) * UNITS[unit.value as keyof typeof UNITS]);
        const answer = await api.POST('/_reference/clock', { body: { advanceSeconds: seconds } });
        note.textContent = answer.data ? `The clock is now ${time(answer.data.now)}.` : `Refused: ${(answer.error as { message?: string } | undefined)?.message ?? answer.response.status}`;
        refresh();
      },
    },
    h('h2', {}, 'Test clock'),
    h('p', { class: 'muted' }, 'Moves the clock forward; what becomes due (activations, expiries, hold expiries, retries) is written before the answer.'),
    amount,
    unit,
    h('button', { type: 'submit', 'data-testid': 'clock-advance' }, 'Move forward'),
    note,
  );
}

/** Empties the account (resetAccount); the button asks to be pressed a second time. */
function resetForm({ api, refresh }: ViewContext): Node {
  const note = h('span', { class: 'muted', 'data-testid': 'reset-note' });
  let armed = false;
  const button = h('button', { type: 'submit', class: 'danger', 'data-testid': 'reset-account' }, 'Reset the account');
  return h(
    'form',
    {
      class: 'card',
      onsubmit: async (event: Event) => {
        event.preventDefault();
        if (!armed) {
          armed = true;
          button.textContent = 'Press again to delete all of its data';
          return;
        }
        armed = false;
        button.textContent = 'Reset the account';
        const answer = await api.POST('/_reference/reset', { body: {} });
        note.textContent = answer.data ? 'The account is empty.' : `Refused: ${(answer.error as { message?: string } | undefined)?.message ?? answer.response.status}`;
        refresh();
      },
    },
    h('h2', {}, 'Reset'),
    h('p', { class: 'muted' }, "Deletes every customer, entry, hold, order, coupon, batch and delivery of this account; its program and the clock stay."),
    button,
    note,
  );
}
