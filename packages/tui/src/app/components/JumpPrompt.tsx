import { Fragment } from 'react';
import { Box, Text } from 'ink';
import { textWidth } from '../../text/text-width.ts';
import { jumpCandidates } from '../state/navigation.ts';
import type { JumpState } from '../state/types.ts';
import { TextField } from './TextField.tsx';

interface Props {
  jump: JumpState;
  /** The loaded tenants' slugs, for the candidates shown. */
  slugs: readonly string[];
  width: number;
}

/** `:` and what is typed, then the screens and slugs it may complete to (the one tab chose in bold). */
export function JumpPrompt({ jump, slugs, width }: Props) {
  const value = jump.input.value;
  const fieldWidth = Math.min(Math.max(textWidth(value) + 1, 12), Math.floor(width / 2));
  const candidates = jump.completion?.candidates ?? jumpCandidates(value, slugs);
  const chosen = jump.completion?.index ?? -1;
  const shown = fitting(candidates, chosen, Math.max(0, width - 1 - fieldWidth - 2));
  return (
    <Box flexShrink={0} width={width}>
      <Text color="yellow" wrap="truncate">
        :
        <TextField input={jump.input} width={fieldWidth} focused />{' '}
        {candidates.length === 0 ? (
          <Text dimColor>no screen or tenant starts with that · enter goes, esc cancels</Text>
        ) : (
          <>
            {shown.items.map((item, index) => (
              <Fragment key={item.name}>
                {index > 0 ? ' ' : ''}
                <Text bold={item.index === chosen} inverse={item.index === chosen} dimColor={item.index !== chosen}>
                  {item.name}
                </Text>
              </Fragment>
            ))}
            <Text dimColor>{shown.more > 0 ? ` +${shown.more} more` : ''} · tab completes</Text>
          </>
        )}
      </Text>
    </Box>
  );
}

/** The candidates that fit `room` cells, starting so the chosen one is among them. */
function fitting(candidates: readonly string[], chosen: number, room: number): { items: { name: string; index: number }[]; more: number } {
  const reserve = 24;
  const items: { name: string; index: number }[] = [];
  let used = 0;
  let start = Math.max(0, chosen);
  // Back up so the chosen one is not always first, while the earlier ones still fit.
  while (start > 0 && textWidth(candidates.slice(start - 1, chosen + 1).join(' ')) < (room - reserve) / 2) start--;
  for (let index = start; index < candidates.length; index++) {
    const name = candidates[index] ?? '';
    const cost = textWidth(name) + (items.length > 0 ? 1 : 0);
    if (used + cost > room - reserve && items.length > 0) break;
    items.push({ name, index });
    used += cost;
  }
  return { items, more: candidates.length - items.length };
}
