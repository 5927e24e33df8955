let current = '';

/**
 * The name recorded in the audit log for this workstation's operator: the stored setting (the
 * engine fills in the signed-in user when none was chosen), followed by WorkstationSync.
 */
export function operatorName(): string {
  return current || 'operador';
}

export function followOperator(name: string): void {
  current = name.trim();
}
