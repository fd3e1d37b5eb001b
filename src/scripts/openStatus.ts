/** Fills every status and "today" marker of the page from the precomputed schedules. */
import { statusAt, wallClock, weekdayOf } from '../lib/hours/status.ts';
import type { Schedule } from '../lib/hours/types.ts';

document.documentElement.classList.add('has-js');

function refresh(): void {
  const now = new Date();
  for (const element of document.querySelectorAll<HTMLElement>('[data-schedule]')) {
    const schedule = JSON.parse(element.dataset.schedule!) as Schedule;
    const status = statusAt(schedule, now);
    element.dataset.state = status.state;
    const text = element.querySelector('[data-status-text]');
    if (text) text.textContent = status.label;
  }
  for (const table of document.querySelectorAll<HTMLElement>('[data-hours-tz]')) {
    const { date } = wallClock(now, table.dataset.hoursTz!);
    const weekday = weekdayOf(date);
    for (const row of table.querySelectorAll<HTMLTableRowElement>('tr[data-weekday]')) {
      const isToday = Number(row.dataset.weekday) === weekday;
      row.classList.toggle('today', isToday);
      const marker = row.querySelector('[data-today]');
      if (marker) marker.textContent = isToday ? ' (aujourd’hui)' : '';
    }
  }
}

refresh();
// A page left open keeps a true status.
setInterval(refresh, 60_000);
