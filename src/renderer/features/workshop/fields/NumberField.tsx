import { NumberInputBox, type NumberInputBoxProps } from './NumberInputBox';
import type { BoundFieldProps } from './useField';

type Props = Omit<BoundFieldProps<number>, 'path'> & Omit<NumberInputBoxProps, 'label' | 'commit' | 'prepare' | 'id' | 'hideLabel'>;

/**
 * A number bound to a path of the agreement. An empty box stores null, never 0, so "not decided yet" stays
 * visible to the completeness check (unless `nullable` is false). See NumberInputBox for how text is read.
 */
export function NumberField(props: Props) {
  return <NumberInputBox {...props} />;
}
