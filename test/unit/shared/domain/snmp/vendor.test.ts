import { describe, expect, it } from 'vitest';
import { detectVendor } from '../../../../../shared/domain/snmp/vendor';

describe('detectVendor', () => {
  it.each([
    ['1.3.6.1.4.1.14988.1', 'RouterOS CCR2004', 'mikrotik'],
    ['1.3.6.1.4.1.10002.1', 'Linux 2.6.32 airOS', 'ubiquiti-airmax'],
    ['1.3.6.1.4.1.41112.1.3', 'airFiber 24', 'ubiquiti-airfiber'],
    ['1.3.6.1.4.1.9.1.1208', 'Cisco IOS Software', 'cisco'],
    ['1.3.6.1.4.1.2011.2.224.279', 'Huawei Versatile Routing Platform', 'huawei'],
    ['.1.3.6.1.4.1.2636.1.1.1.2.29', 'Juniper Networks MX204', 'juniper'],
    ['1.3.6.1.4.1.8072.3.2.10', 'RouterOS x86', 'mikrotik'],
    ['1.3.6.1.4.1.8072.3.2.10', 'Linux host 6.1', 'generic'],
    ['', '', 'generic'],
  ])('%s / %s → %s', (oid, descr, vendor) => {
    expect(detectVendor(oid, descr)).toBe(vendor);
  });
});
