import { Space, Tag, Typography } from 'antd';
import type { TranscriptSource } from '@minqing/shared';

/** Where a transcript came from, in the clerk's words. */
export const TRANSCRIPT_SOURCE_LABELS: Record<TranscriptSource, string> = { asr: '语音转写', wechat: '同声传译' };
export const TRANSCRIBING_TEXT = '转写中…';
export const NOT_TRANSCRIBED_TEXT = '未能转写，请收听语音';

export interface TranscriptFacts {
  /** The report has a voice clip. */
  hasVoice: boolean;
  transcript: string | null;
  transcriptSource: TranscriptSource | null;
  /** The server is still transcribing the clip (a job is waiting or running). */
  pending?: boolean;
}

export type TranscriptView =
  | { kind: 'text'; text: string; source: TranscriptSource | null }
  | { kind: 'pending' }
  | { kind: 'missing' }
  | { kind: 'none' };

/** What to show for a report's transcript: its text and source, 转写中…, 未能转写, or nothing (no voice). */
export function transcriptView(facts: TranscriptFacts): TranscriptView {
  const text = facts.transcript?.trim();
  if (text) return { kind: 'text', text, source: facts.transcriptSource };
  if (!facts.hasVoice) return { kind: 'none' };
  return facts.pending ? { kind: 'pending' } : { kind: 'missing' };
}

/** The server's excerpt of a voice report with neither text nor transcript (server/src/presenters/report.ts). */
export const VOICE_EXCERPT = '[语音]';

/** A queue or triage row: it has a voice clip and no transcript when its excerpt is only 「[语音]」. */
export const voiceWithoutTranscript = (row: { excerpt: string; transcript: string | null }): boolean =>
  !row.transcript && row.excerpt === VOICE_EXCERPT;

export function TranscriptSourceTag({ source }: { source: TranscriptSource | null }) {
  if (!source) return null;
  return (
    <Tag color={source === 'asr' ? 'geekblue' : 'green'} data-testid="transcript-source">
      {TRANSCRIPT_SOURCE_LABELS[source]}
    </Tag>
  );
}

/**
 * A voice report's transcript beside its player: the text with its source tag (语音转写 / 同声传译), or
 * 转写中… while the server works, or 未能转写，请收听语音. `ellipsis` keeps it to two lines in a table.
 */
export function Transcript({ ellipsis = false, ...facts }: TranscriptFacts & { ellipsis?: boolean }) {
  const view = transcriptView(facts);
  if (view.kind === 'none') return null;
  if (view.kind === 'pending')
    return (
      <Typography.Text type="secondary" className="report-transcript">
        {TRANSCRIBING_TEXT}
      </Typography.Text>
    );
  if (view.kind === 'missing')
    return (
      <Typography.Text type="warning" className="report-transcript">
        {NOT_TRANSCRIBED_TEXT}
      </Typography.Text>
    );
  return (
    <Space size={4} align="start" className="report-transcript">
      <TranscriptSourceTag source={view.source} />
      <Typography.Paragraph
        ellipsis={ellipsis ? { rows: 2, tooltip: view.text } : false}
        style={{ marginBottom: 0 }}
        aria-label="语音文字"
      >
        {view.text}
      </Typography.Paragraph>
    </Space>
  );
}
