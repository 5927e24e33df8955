const OPERATOR_KEY = 'vigia.operator';

/** The name recorded in the audit log for this workstation's operator. */
export function operatorName(): string {
  return localStorage.getItem(OPERATOR_KEY)?.trim() || 'operador';
}

export function setOperatorName(name: string): void {
  localStorage.setItem(OPERATOR_KEY, name.trim());
}
