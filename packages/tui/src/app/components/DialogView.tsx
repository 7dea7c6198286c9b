import { Box, Text } from 'ink';
import { textWidth } from '../../text/text-width.ts';
import { textAt } from '../state/text.ts';
import type { Dialog } from '../state/types.ts';
import { dialogLayout, scrollPosition, typedNamePrompt, type DialogLayout, type FooterLine } from './dialog-layout.ts';
import { TextField } from './TextField.tsx';

const LABEL_WIDTH = 26;

/**
 * Forms, plans to confirm, work in progress and results (secrets shown once), drawn over the screen in
 * `height` rows: a plan or result taller than that scrolls between its title and its confirmation line.
 */
export function DialogView({ dialog, width, height }: { dialog: Dialog; width: number; height: number }) {
  const layout = dialogLayout(dialog, width, height);
  return (
    <Box flexDirection="column" borderStyle="double" borderColor="cyan" paddingX={1} width={layout.width} flexShrink={0}>
      <Text bold wrap="truncate">
        {dialog.title}
      </Text>
      <DialogBody dialog={dialog} layout={layout} />
    </Box>
  );
}

function DialogBody({ dialog, layout }: { dialog: Dialog; layout: DialogLayout }) {
  switch (dialog.kind) {
    case 'busy':
      return (
        <Box flexDirection="column">
          <Text dimColor>
            {dialog.progress.length === 0 ? 'working… (nothing is written until it finishes)' : 'working… each line below is finished and written'}
          </Text>
          {dialog.progress.slice(-Math.max(1, layout.viewport - 1)).map((line, index) => (
            <Text key={index} wrap="truncate" color={line.includes('✗') ? 'red' : undefined}>
              {line}
            </Text>
          ))}
        </Box>
      );
    case 'form': {
      const labelWidth = Math.min(LABEL_WIDTH, Math.floor(layout.inner / 2));
      return (
        <Box flexDirection="column">
          {dialog.fields.map((field, index) => (
            <Box key={field.name}>
              <Box width={labelWidth} flexShrink={0}>
                <Text inverse={index === dialog.focus} wrap="truncate">
                  {field.label}
                </Text>
              </Box>
              <Text wrap="truncate">
                {field.choices ? (
                  `‹ ${field.value} ›`
                ) : (
                  <TextField
                    input={textAt(field.value, field.cursor)}
                    width={layout.inner - labelWidth}
                    focused={index === dialog.focus}
                    secret={field.secret}
                  />
                )}
              </Text>
            </Box>
          ))}
          <Text dimColor wrap="truncate">
            tab next field · ←/→ choose or move the cursor · enter shows the plan · esc cancels
          </Text>
        </Box>
      );
    }
    case 'plan':
    case 'result':
      return (
        <Box flexDirection="column">
          <Scrolled layout={layout} />
          {dialog.kind === 'plan' && dialog.confirmName !== null ? <TypedName dialog={dialog} layout={layout} /> : null}
          {layout.footer.map((line, index) => (
            <Footer key={index} line={line} secret={dialog.kind === 'result' ? dialog.secret : null} />
          ))}
        </Box>
      );
  }
}

function Scrolled({ layout }: { layout: DialogLayout }) {
  const position = scrollPosition(layout);
  return (
    <>
      {layout.lines.slice(layout.offset, layout.offset + layout.viewport).map((line, index) => (
        <Text key={layout.offset + index} wrap="truncate" bold={line.tone === 'heading'} dimColor={line.tone === 'sql'}>
          {line.text || ' '}
        </Text>
      ))}
      {position ? (
        <Text color="yellow" wrap="truncate">
          {position}
        </Text>
      ) : null}
    </>
  );
}

function TypedName({ dialog, layout }: { dialog: Extract<Dialog, { kind: 'plan' }>; layout: DialogLayout }) {
  const prompt = typedNamePrompt(dialog.confirmName ?? '');
  const field = (width: number) => <TextField input={dialog.typed} width={width} focused />;
  if (layout.typedNameRows === 2)
    return (
      <>
        <Text color="red" wrap="wrap">
          {prompt}
        </Text>
        <Text wrap="truncate">{field(layout.inner)}</Text>
      </>
    );
  return (
    <Text wrap="truncate">
      <Text color="red">{prompt}</Text>
      {field(layout.inner - textWidth(prompt))}
    </Text>
  );
}

const TONES: Record<Exclude<FooterLine['tone'], 'secret' | 'dim'>, string> = { confirm: 'cyan', ok: 'green', bad: 'red', note: 'yellow' };

function Footer({ line, secret }: { line: FooterLine; secret: { label: string; value: string } | null }) {
  if (line.tone === 'dim')
    return (
      <Text dimColor wrap="truncate">
        {line.text}
      </Text>
    );
  if (line.tone === 'secret' && secret) {
    const rest = line.text.slice(`${secret.label}: ${secret.value}`.length);
    return (
      <Text wrap="wrap">
        {secret.label}:{' '}
        <Text bold color="yellow">
          {secret.value}
        </Text>
        <Text color="yellow">{rest}</Text>
      </Text>
    );
  }
  return (
    <Text color={line.tone === 'secret' ? 'yellow' : TONES[line.tone]} wrap="truncate">
      {line.text}
    </Text>
  );
}
