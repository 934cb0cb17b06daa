import { and, eq, gte, lt } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { needs } from '@/db/schema';
import { useTestDb } from '@/db/test-db';
import { actOnCase } from './case-actions';
import { calendarDaySchema, listCalendarDays, removeCalendarDay, setCalendarDay } from './calendar';
import { submitNeed } from './intake';
import { addWorkingDays } from './sla';
import { intake, randomIp, staffUser } from './test-fixtures';

const db = useTestDb();
const dayMs = 24 * 3600 * 1000;

/** A week of its own (Friday 10:00 in Shanghai, 2031 or later), so reruns and other tests never share its days. */
function week() {
  const friday = new Date(Date.UTC(2031, 2, 7, 2) + 7 * dayMs * Math.floor(Math.random() * 2000));
  const day = (offset: number) => new Date(friday.getTime() + offset * dayMs).toISOString().slice(0, 10);
  const at = (offset: number, hours = 0) => new Date(friday.getTime() + (offset * 24 + hours) * 3600 * 1000);
  // Days from the Friday: +1 Saturday, +3 Monday, +4 Tuesday, +5 Wednesday, +6 Thursday.
  return { friday, day, at };
}

describe('the working calendar', () => {
  it('counts a holiday as a day off and a make-up day as a working day', () => {
    const { friday, day, at } = week();
    expect(addWorkingDays(friday, 3)).toEqual(at(5)); // Wednesday
    expect(addWorkingDays(friday, 3, new Map([[day(3), false]]))).toEqual(at(6)); // Monday off: Thursday
    expect(addWorkingDays(friday, 3, new Map([[day(1), true], [day(3), false]]))).toEqual(at(5)); // Saturday worked
  });

  it('is kept by administrators only, checked where it is touched', async () => {
    const { day } = week();
    for (const role of ['social_worker', 'donor'] as const) {
      const actor = { userId: (await staffUser(db, role)).id };
      await expect(setCalendarDay(db, actor, { day: day(3), kind: 'holiday', note: '测试假日' })).rejects.toMatchObject({ code: 'forbidden' });
      await expect(removeCalendarDay(db, actor, day(3))).rejects.toMatchObject({ code: 'forbidden' });
      await expect(listCalendarDays(db, actor, day(0))).rejects.toMatchObject({ code: 'forbidden' });
    }
    await expect(setCalendarDay(db, null, { day: day(3), kind: 'holiday', note: '测试假日' })).rejects.toMatchObject({ code: 'unauthenticated' });
  });

  it('refuses, at the field, a day that needs no setting apart, a day set twice, a date that does not exist', async () => {
    const admin = { userId: (await staffUser(db, 'admin')).id };
    const { day } = week();
    await expect(setCalendarDay(db, admin, { day: day(1), kind: 'holiday', note: '周六' })).rejects.toMatchObject({ fields: { kind: 'calendar_not_weekday' } });
    await expect(setCalendarDay(db, admin, { day: day(3), kind: 'workday', note: '周一' })).rejects.toMatchObject({ fields: { kind: 'calendar_not_weekend' } });
    await setCalendarDay(db, admin, { day: day(3), kind: 'holiday', note: '测试假日' });
    await expect(setCalendarDay(db, admin, { day: day(3), kind: 'holiday', note: '又一次' })).rejects.toMatchObject({ fields: { day: 'calendar_day_taken' } });
    const errors = (v: Record<string, string>) => calendarDaySchema.safeParse(v).error?.issues.map((i) => [i.path[0], i.message]);
    expect(errors({ day: '2031-02-30', kind: 'holiday', note: '测试' })).toEqual([['day', 'date_invalid']]);
    expect(errors({ day: day(3), kind: 'holiday', note: '值班 13812345678' })).toEqual([['note', 'names_someone']]);
    await removeCalendarDay(db, admin, day(3));
  });

  it('moves the deadlines still running across a day entered or removed, and only those', async () => {
    const admin = { userId: (await staffUser(db, 'admin')).id };
    const { day, at } = week();
    const submit = async (now: Date) => (await submitNeed(db, intake(), { ip: randomIp(), now })).needId;
    const due = async (id: string) => (await db.select({ screen: needs.screenDueAt, match: needs.matchDueAt }).from(needs).where(eq(needs.id, id)))[0];

    const before = await submit(at(0)); // Friday: screened by Wednesday
    const after = await submit(at(5)); // Wednesday: screened by the Monday after, whatever Tuesday is
    const valid = await submit(at(0, 1));
    await actOnCase(db, admin, valid, { action: 'start_screening' }, at(0, 1));
    await actOnCase(db, admin, valid, { action: 'verify_valid', note: '' }, at(0, 1));
    expect((await due(before)).screen).toEqual(at(5));
    expect((await due(valid)).match).toEqual(at(14, 1)); // ten working days: the Friday after next

    await setCalendarDay(db, admin, { day: day(4), kind: 'holiday', note: '测试假日' }); // Tuesday off
    expect((await due(before)).screen).toEqual(at(6));
    expect((await due(valid)).match).toEqual(at(17, 1)); // one working day later: the Monday after
    expect((await due(after)).screen).toEqual(at(10));
    // A need that comes in now is given the holiday at once.
    expect((await due(await submit(at(0, 2)))).screen).toEqual(at(6, 2));
    expect((await listCalendarDays(db, admin, day(0))).find((d) => d.day === day(4))).toEqual({ day: day(4), working: false, note: '测试假日' });

    await removeCalendarDay(db, admin, day(4));
    expect((await due(before)).screen).toEqual(at(5));
    expect((await due(valid)).match).toEqual(at(14, 1));
    await expect(removeCalendarDay(db, admin, day(4))).rejects.toMatchObject({ code: 'not_found' });
  });

  it('gives every deadline by the calendar as it ends, when a day is entered while needs come in and cases are verified', async () => {
    const admin = { userId: (await staffUser(db, 'admin')).id };
    const { day, at } = week();
    const submit = async (now: Date) => (await submitNeed(db, intake(), { ip: randomIp(), now })).needId;
    const screening: string[] = [];
    for (let i = 0; i < 6; i++) {
      const id = await submit(at(0, i / 10));
      await actOnCase(db, admin, id, { action: 'start_screening' }, at(0, 1));
      screening.push(id);
    }
    const late: Array<Promise<unknown>> = [];
    for (let i = 0; i < 12; i++) late.push(submit(at(0, 2 + i / 10)));
    late.push(setCalendarDay(db, admin, { day: day(4), kind: 'holiday', note: '测试假日' })); // Tuesday off
    for (let i = 0; i < 12; i++) late.push(submit(at(0, 3 + i / 10)));
    for (const id of screening) late.push(actOnCase(db, admin, id, { action: 'verify_valid', note: '' }, at(0, 4)));
    try {
      await Promise.all(late);
      const calendar = new Map([[day(4), false]]);
      const rows = await db
        .select({ status: needs.status, submittedAt: needs.submittedAt, validAt: needs.validAt, screen: needs.screenDueAt, match: needs.matchDueAt })
        .from(needs)
        .where(and(gte(needs.submittedAt, at(0)), lt(needs.submittedAt, at(0, 5))));
      expect(rows).toHaveLength(30);
      for (const n of rows) {
        if (n.status === 'valid') expect(n.match).toEqual(addWorkingDays(n.validAt!, 10, calendar));
        else expect(n.screen).toEqual(addWorkingDays(n.submittedAt, 3, calendar));
      }
    } finally {
      // Taken back whatever happened, so no other test's deadlines cross it.
      await Promise.allSettled(late);
      await removeCalendarDay(db, admin, day(4)).catch(() => undefined);
    }
  });
});

