import { describe, expect, it } from 'vitest';
import { FIELDS, fieldById, isLegallySensitive, resolveField, suggestFields } from '../src/fields/catalogue.js';
import { normalizeName } from '../src/util/normalize.js';
import { CATEGORIES } from '../src/core/vocab.js';
import { WEIGHTS } from '../src/severity/weights.js';

// contract.md §4: the minimum catalogue.
const CONTRACT_IDS = `full_name given_name surname curp rfc nss ine_voter_key ine_cic passport_number professional_license
driver_license birth_date birth_place sex gender_identity nationality age marital_status photo signature internal_id
email phone address postal_code ip_address username device_id employer_name employer_address job_title employment_history
education academic_record salary income tax_data bank_account clabe card_number card_security_code credit_history debts
transactions assets insurance_policy retirement_account housing_credit invoices password_plain password_hash security_answer
access_token pin geolocation travel_history purchase_history browsing_history call_records vehicle_plate vehicle_registration
private_communications health_condition medical_record disability mental_health blood_type genetic_data ethnic_origin
religious_belief political_opinion union_membership sexual_orientation sex_life fingerprint face_template voice_print iris
palm_print criminal_record arrest_record court_case police_report victim_status firearm_registration intelligence_report`.split(/\s+/);

describe('field catalogue (data/fields.yaml)', () => {
  it('holds every id of contract.md §4', () => {
    expect(CONTRACT_IDS.filter((id) => !fieldById(id))).toEqual([]);
  });

  it('every entry is well formed: snake_case id, category, labels, basis, rules that exist', () => {
    for (const f of FIELDS) {
      expect(f.id).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(CATEGORIES).toContain(f.category);
      expect(f.label.en && f.label.es && f.basis).toBeTruthy();
      if (f.dpc_rule) expect(WEIGHTS.rules[f.dpc_rule], f.dpc_rule).toBeDefined();
      if (f.ei_rule) expect(WEIGHTS.rules[f.ei_rule], f.ei_rule).toBeDefined();
      if (f.ei !== undefined) expect([0.25, 0.5, 0.75, 1]).toContain(f.ei);
    }
  });

  it('no alias points to two field types', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const f of FIELDS) {
      for (const n of new Set([f.id, ...f.aliases.es, ...f.aliases.en].map(normalizeName))) {
        const o = owner.get(n);
        if (o && o !== f.id) clashes.push(`${n}: ${o} / ${f.id}`);
        owner.set(n, f.id);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('resolves Spanish and English header names case- and accent-insensitively', () => {
    expect(resolveField('CURP')?.id).toBe('curp');
    expect(resolveField('Teléfono')?.id).toBe('phone');
    expect(resolveField('Correo Electrónico')?.id).toBe('email');
    expect(resolveField('SalarioDiarioIntegrado')?.id).toBe('salary');
    expect(resolveField('fecha de nacimiento')?.id).toBe('birth_date');
    expect(resolveField('Diagnóstico')?.id).toBe('health_condition');
    expect(resolveField('huella dactilar')?.id).toBe('fingerprint');
  });

  it('suggests close ids for typos', () => {
    expect(suggestFields('crup')).toContain('curp');
    expect(suggestFields('salry')).toContain('salary');
  });

  it('union membership is on the legal list only until 2025-03-20', () => {
    const u = fieldById('union_membership')!;
    expect(isLegallySensitive(u, '2025-03-20')).toBe(true);
    expect(isLegallySensitive(u, '2025-03-21')).toBe(false);
    expect(isLegallySensitive(u, '2010-07-05')).toBe(false);
  });

  it('biometrics are possibly sensitive, never silently sensitive', () => {
    for (const id of ['fingerprint', 'face_template', 'voice_print', 'iris', 'palm_print']) {
      const f = fieldById(id)!;
      expect(f.possibly_sensitive).toBe(true);
      expect(isLegallySensitive(f, '2026-01-01')).toBe(false);
      expect(f.category).toBe('sensitive');
    }
  });
});
