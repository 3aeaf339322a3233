// Test values from identifiers.md (published or real values, and its invalid counterparts).
import { describe, expect, it } from 'vitest';
import { curpBirthDate, isCard, isClabe, isCurp, isDate, isEmail, isMoney, isName, isNss, isPhone, isPostalCode, isRfc, isVoterKey, rfcInfo, isAddress } from '../src/scan/validators.js';

describe('CURP', () => {
  it.each(['LOOA531113HTCPBN07', 'BOXW310820HNERXN09', 'HELO990501HVZRPN09', 'MASI050805MVZRLRA8', 'COME721110MVZNRR03', 'TEAM470622HVZZPR07', 'GARS700923HSPLXL06', 'SABC560626MDFLRN01', 'MOTR930411HJCRMN03', ' looa531113htcpbn07 '])('accepts %s', (v) => expect(isCurp(v)).toBe(true));
  it.each(['LOOA531113HTCPBN08', 'MOTR931311HJCRMN02', 'MOTR930411HXXRMN06', 'LOOA530230HTCPBN07', 'FETO930411HJCRMN01', '', 'LOOA531113HTCPBN0'])('rejects %s', (v) => expect(isCurp(v)).toBe(false));
  it('gives the birth date with its century', () => {
    expect(curpBirthDate('MASI050805MVZRLRA8')).toEqual({ y: 2005, m: 8, d: 5 });
    expect(curpBirthDate('LOOA531113HTCPBN07')).toEqual({ y: 1953, m: 11, d: 13 });
  });
});

describe('RFC', () => {
  it.each(['GODE561231GR8', 'MHTR93041179A', 'RET130705MD5', 'SALC7304253S0', 'MAB9307148T4', 'Ñ&T130705MD6', 'ZATJ870805CK6', 'EKU9003173C9', 'BNM840515VB1', 'BBA830831LJ2'])('accepts %s', (v) => expect(isRfc(v)).toBe(true));
  it.each(['MHTR810511A79', 'MHTR815511A70', 'GODE561331GR8', 'VACE460910SX6'])('rejects %s', (v) => expect(isRfc(v)).toBe(false));
  it('knows the generic RFCs and scores the digit softly', () => {
    expect(rfcInfo('XAXX010101000')).toMatchObject({ shape: true, generic: true });
    expect(rfcInfo('MHTR810511A79')).toMatchObject({ shape: true, checked: false });
  });
});

describe('NSS, CLABE, cards', () => {
  it('NSS (Luhn)', () => {
    expect(isNss('72795608040')).toBe(true);
    expect(isNss('12345678903')).toBe(true);
    expect(isNss('72795608041')).toBe(false);
    expect(isNss('72-79-56-0804-0')).toBe(true);
  });
  it('CLABE (3-7-1)', () => {
    for (const v of ['002010077777777771', '032180000118359719', '014027000005555558', '002115016003269411']) expect(isClabe(v)).toBe(true);
    expect(isClabe('002010077777777779')).toBe(false);
  });
  it('payment cards (Luhn and IIN)', () => {
    for (const v of ['4111111111111111', '5555555555554444', '378282246310005', '4111 1111 1111 1111']) expect(isCard(v)).toBe(true);
    expect(isCard('4111111111111112')).toBe(false);
  });
});

describe('contact and other values', () => {
  it('phones, with legacy prefixes', () => {
    for (const v of ['5512345678', '044 55 1234 5678', '045 33 1234 5678', '01 55 1234 5678', '+52 1 55 1234 5678', '+52 55 1234 5678', '(55) 1234-5678']) expect(isPhone(v), v).toBe(true);
    for (const v of ['1234567890', '55123456', 'abc', '0551234567']) expect(isPhone(v), v).toBe(false);
  });
  it('e-mails, postal codes, dates, money, names, addresses, voter keys', () => {
    expect(isEmail('ana.perez@correo.com.mx')).toBe(true);
    expect(isEmail('ana@@x')).toBe(false);
    expect(isPostalCode('06600')).toBe(true);
    expect(isPostalCode('17000')).toBe(false);
    expect(isPostalCode('00100')).toBe(false);
    expect(isDate('1990-02-28')).toBe(true);
    expect(isDate('28/02/1990')).toBe(true);
    expect(isDate('1990-02-30')).toBe(false);
    expect(isMoney('$12,345.67')).toBe(true);
    expect(isMoney('1234')).toBe(true);
    expect(isMoney('12,34')).toBe(false);
    expect(isName('María José Pérez Núñez')).toBe(true);
    expect(isName('X1 Y2')).toBe(false);
    expect(isAddress('Calle Reforma 123, Col. Centro')).toBe(true);
    expect(isAddress('hola mundo')).toBe(false);
    expect(isVoterKey('HRGRJN82050602H900')).toBe(true);
    expect(isVoterKey('LOOA531113HTCPBN07')).toBe(false);
  });
});
