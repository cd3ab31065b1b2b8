import type { FieldPath } from '../../../../shared/model/completeness';
import { fieldId, getAt, type PathTo, type ValueAt } from '../../../../shared/model/paths';
import type { Agreement } from '../../../../shared/model/schema';
import { useAppStore } from '../../../store/appStore';

/** The current draft value at `path`; the component re-renders only when that value changes. */
export function useFieldValue<T>(path: FieldPath): T {
  return useAppStore((s) => getAt(s.session?.draft, path)) as T;
}

/** Reads a derived value from the draft (pass a stable selector or one returning primitives). */
export function useDraftSelector<T>(select: (draft: Agreement) => T): T | undefined {
  return useAppStore((s) => (s.session ? select(s.session.draft) : undefined));
}

export function useReadOnly(): boolean {
  return useAppStore((s) => s.session?.readOnly ?? true);
}

export function useSetField(): <P extends FieldPath>(path: P, value: ValueAt<Agreement, P>) => void {
  return useAppStore((s) => s.setField);
}

export function useEdit() {
  return useAppStore((s) => s.edit);
}

/** Props every bound field shares: where the value lives (a path to a value of type V), and what the user reads. */
export interface BoundFieldProps<V> {
  path: PathTo<V>;
  label: string;
  description?: string;
  placeholder?: string;
  required?: boolean;
}

export { fieldId };
