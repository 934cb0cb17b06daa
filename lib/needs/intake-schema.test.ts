import { describe, expect, it } from 'vitest';
import { fieldErrors } from '@/lib/errors';
import { caseCommandSchema } from './case-actions';
import { needIntakeSchema } from './intake-schema';
import { normalizePhone } from './phone';
import { proofSchema } from './tracking';

describe('the request form, as people fill it in', () => {
  it('are kept in one form: 11 digits for a mobile, area code and number for a landline', () => {
    for (const typed of ['13812345678', '138 1234 5678', '138-1234-5678', '+86 138 1234 5678', '0086-13812345678', '8613812345678', '１３８１２３４５６７８'])
      expect(normalizePhone(typed)).toBe('13812345678');
    for (const typed of ['0574-87654321', '057487654321', '(0574) 8765 4321', '0574 8765-4321', '０５７４－８７６５４３２１', '+86 574 87654321', '+86 0574 87654321'])
      expect(normalizePhone(typed)).toBe('057487654321');
    // Three-digit area codes too: written any way, one number.
    for (const typed of ['010-12345678', '01012345678', '010 1234 5678', '(010)12345678']) expect(normalizePhone(typed)).toBe('01012345678');
  });

  it('are refused at the field when they are no phone number at all', () => {
    const phoneError = (phone: string) => needIntakeSchema.safeParse({ phone }).error?.issues.find((i) => i.path[0] === 'phone')?.message;
    expect(phoneError('138 1234 5678')).toBeUndefined();
    expect(phoneError('  ')).toBe('required'); // left empty: asked for, not called wrong
    for (const typed of ['1381234567', '23812345678', '12345', '138123456789', 'call me']) expect(phoneError(typed)).toBe('phone_invalid');
  });

  it('end in the four digits a resident types to follow the case, full-width or not', () => {
    expect(proofSchema.parse({ code: 'JB-7KQ4-MX3A', last4: ' ５６７８ ' }).last4).toBe('5678');
    expect(proofSchema.safeParse({ code: 'JB-7KQ4-MX3A', last4: '56a8' }).error?.issues[0].message).toBe('last4_invalid');
  });

  it('say at the field what is wrong: "choose one" for a choice left unmade, "a number" for a household of "abc"', () => {
    const errors = fieldErrors(needIntakeSchema.safeParse({ householdSize: 'abc' }).error!);
    expect(errors).toMatchObject({ relation: 'choose_one', category: 'choose_one', kind: 'choose_one', householdSize: 'number_invalid', name: 'required', phone: 'required', consent: 'consent_required' });
  });

  it('refuses a service recorded for a day still to come', () => {
    const service = (servedOn: string) => ({ action: 'record_service', servedOn, serviceType: '上门探访', hours: '1.5', personTimes: '1', deliveredBy: '社工' });
    const tomorrow = new Date(Date.now() + 36 * 3600 * 1000).toISOString().slice(0, 10);
    expect(fieldErrors(caseCommandSchema.safeParse(service(tomorrow)).error!)).toEqual({ servedOn: 'date_future' });
    expect(caseCommandSchema.safeParse(service('2026-11-20')).success).toBe(true);
    expect(fieldErrors(caseCommandSchema.safeParse({ ...service('2026-11-20'), hours: 'abc' }).error!)).toEqual({ hours: 'number_invalid' });
  });
});
