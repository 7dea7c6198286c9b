import { Text } from 'ink';
import { truncateText } from '../../text/text-width.ts';
import { boundaries, type TextInput } from '../state/text.ts';
import { textWindow } from './text-window.ts';

interface Props {
  input: TextInput;
  /** Terminal cells the field may take. */
  width: number;
  focused: boolean;
  /** Shown dimmed while the value is empty. */
  placeholder?: string | undefined;
  /** Drawn as one • per character. */
  secret?: boolean | undefined;
}

/** A one-line text value; focused, its cursor is an inverse cell and a long value scrolls to keep it in view. */
export function TextField({ input, width, focused, placeholder, secret }: Props) {
  const shown = secret ? masked(input) : input;
  if (!focused) {
    return shown.value === '' && placeholder ? <Text dimColor>{truncateText(placeholder, width)}</Text> : <Text>{truncateText(shown.value, width)}</Text>;
  }
  const view = textWindow(shown.value, shown.cursor, width);
  const hint = shown.value === '' && placeholder ? truncateText(placeholder, Math.max(0, width - 2)) : '';
  return (
    <Text>
      {view.before}
      <Text inverse>{view.at}</Text>
      {view.after}
      {hint ? <Text dimColor>{` ${hint}`}</Text> : null}
    </Text>
  );
}

function masked(input: TextInput): TextInput {
  const stops = boundaries(input.value);
  const characters = stops.length - 1;
  return { value: '•'.repeat(characters), cursor: stops.filter((offset) => offset < input.cursor).length };
}
