/**
 * The report as a 公文 reads on paper (GB/T 9704 in spirit): the title centred in a heavy serif, headings 一、 in 黑体 and
 * （一） in 楷体, body text in 仿宋 indented two characters, the signature at the bottom right. Each figure is a link to
 * its evidence; each narrative slot is written in place; drafted paragraphs are marked for the writer to edit.
 */
import { Grid, Input, Tag } from 'antd';
import { useRef, useState, type CSSProperties, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import type { FigureInline, Inline, Paragraph, ReportDocument, Section } from '../../lib/types';

const BODY_FONT = '"FangSong", "仿宋", "FangSong_GB2312", "STFangsong", "华文仿宋", "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", serif';
const TITLE_FONT = '"FZXiaoBiaoSong-B05S", "方正小标宋简体", "STZhongsong", "华文中宋", "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", serif';
const HEI_FONT = '"SimHei", "黑体", "Heiti SC", "STHeiti", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif';
const KAI_FONT = '"KaiTi", "楷体", "KaiTi_GB2312", "STKaiti", "华文楷体", "Noto Serif CJK SC", serif';

const indent: CSSProperties = { textIndent: '2em', margin: 0 };

export interface PaperProps {
  doc: ReportDocument;
  /** The writer's texts by narrative key (what is shown in place of the server's). */
  texts: Record<string, string>;
  onText: (key: string, text: string) => void;
  onFigure: (figure: FigureInline) => void;
}

/**
 * Click and Enter/Space on an inline element that must wrap with the text around it (so not a <button>). The mouse
 * acts on mousedown without taking focus: a narrative being written closes on blur and the text reflows, which would
 * otherwise move the figure or slot away from under the pointer before the click lands.
 */
function useActivate(handler: () => void) {
  const byMouse = useRef(false);
  return {
    role: 'button' as const,
    tabIndex: 0,
    onMouseDown: (e: MouseEvent) => {
      if (e.button !== 0) return;
      e.preventDefault();
      byMouse.current = true;
      handler();
    },
    onClick: () => {
      // a click after our mousedown is the same press; a click alone comes from assistive technology
      if (byMouse.current) byMouse.current = false;
      else handler();
    },
    onKeyDown: (e: KeyboardEvent) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        handler();
      }
    },
  };
}

function FigureLink({ figure, onOpen }: { figure: FigureInline; onOpen: (f: FigureInline) => void }) {
  const missing = figure.value === null;
  const activate = useActivate(() => onOpen(figure));
  return (
    <span
      {...activate}
      aria-label={`${figure.label}：${figure.display}`}
      title={`${figure.label}（点击查看计算方法和依据的记录）`}
      style={{
        color: missing ? '#ad4e00' : '#0b4ea2',
        borderBottom: `1px dashed ${missing ? '#ad4e00' : '#0b4ea2'}`,
        cursor: 'pointer',
        textIndent: 0,
      }}
    >
      {figure.display}
      <sup style={{ fontSize: '0.6em', color: '#8c8c8c', marginLeft: 1 }} aria-hidden>
        {figure.ref}
      </sup>
    </span>
  );
}

function NarrativeSlot({ slot, text, onText }: { slot: Extract<Inline, { type: 'narrative' }>; text: string; onText: PaperProps['onText'] }) {
  const [editing, setEditing] = useState(false);
  const activate = useActivate(() => setEditing(true));
  if (editing) {
    return (
      <Input.TextArea
        autoFocus
        autoSize={{ minRows: 2, maxRows: 12 }}
        value={text}
        placeholder={slot.hint}
        aria-label={`撰写内容：${slot.hint}`}
        onChange={(e) => onText(slot.key, e.target.value)}
        onBlur={() => setEditing(false)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') setEditing(false);
        }}
        style={{ display: 'block', margin: '4px 0', fontFamily: BODY_FONT, fontSize: 'inherit', lineHeight: 1.75, textIndent: 0 }}
      />
    );
  }
  const written = text.trim() !== '';
  return (
    <span
      {...activate}
      aria-label={written ? `修改撰写内容：${slot.hint}` : `撰写：${slot.hint}`}
      title={written ? '点击修改' : '点击撰写'}
      style={{
        background: written ? '#f6ffed' : '#fff3b0',
        borderBottom: written ? '1px dashed #52c41a' : '1px dashed #d48806',
        color: written ? undefined : '#874d00',
        cursor: 'text',
      }}
    >
      {written ? text : `【待撰写：${slot.hint}】`}
    </span>
  );
}

function ParagraphView({ p, props }: { p: Paragraph; props: PaperProps }) {
  const parts: ReactNode[] = p.parts.map((part, i) => {
    if (part.type === 'text') return <span key={i}>{part.text}</span>;
    if (part.type === 'figure') return <FigureLink key={i} figure={part} onOpen={props.onFigure} />;
    return <NarrativeSlot key={i} slot={part} text={props.texts[part.key] ?? part.text} onText={props.onText} />;
  });
  const body = (
    <p style={{ ...indent, textAlign: 'justify' }}>
      {p.opener ? <b>{p.opener}</b> : null}
      {parts}
      {p.drafted ? (
        <Tag color="gold" style={{ textIndent: 0, marginInlineStart: 8, marginInlineEnd: 0, verticalAlign: 'middle' }}>
          系统草拟，请核改
        </Tag>
      ) : null}
    </p>
  );
  if (!p.drafted) return body;
  return <div style={{ background: '#f5f5f5', borderLeft: '3px solid #faad14', margin: '2px -12px', padding: '0 9px' }}>{body}</div>;
}

const HEADING_STYLE: Record<Section['level'], CSSProperties> = {
  1: { fontFamily: HEI_FONT, fontWeight: 700 },
  2: { fontFamily: KAI_FONT, fontWeight: 400 },
  3: { fontFamily: BODY_FONT, fontWeight: 700 },
  4: { fontFamily: BODY_FONT, fontWeight: 400 },
};

function SectionView({ s, props }: { s: Section; props: PaperProps }) {
  const Tag_ = (['h2', 'h3', 'h4', 'h5'] as const)[s.level - 1]!;
  return (
    <section>
      <Tag_ style={{ ...indent, ...HEADING_STYLE[s.level], fontSize: 'inherit', lineHeight: 'inherit', color: 'inherit' }}>
        {s.number}
        {s.title}
      </Tag_>
      {s.body.map((p, i) => (
        <ParagraphView key={i} p={p} props={props} />
      ))}
      {s.children.map((c, i) => (
        <SectionView key={i} s={c} props={props} />
      ))}
    </section>
  );
}

export function ReportPaper(props: PaperProps) {
  const { doc } = props;
  const screens = Grid.useBreakpoint();
  return (
    <article
      aria-label="报告预览"
      style={{
        maxWidth: 820,
        margin: '0 auto',
        background: '#fff',
        boxShadow: '0 1px 6px rgba(0,0,0,0.12)',
        padding: screens.md ? '64px 72px 72px' : '32px 24px',
        fontFamily: BODY_FONT,
        fontSize: 18,
        lineHeight: 1.85,
        color: '#1f1f1f',
        overflowWrap: 'anywhere',
      }}
    >
      <h1 style={{ fontFamily: TITLE_FONT, fontSize: 26, fontWeight: 700, lineHeight: 1.5, textAlign: 'center', margin: '0 0 32px', color: 'inherit' }}>{doc.title}</h1>
      {doc.lead.map((p, i) => (
        <ParagraphView key={i} p={p} props={props} />
      ))}
      {doc.sections.map((s, i) => (
        <SectionView key={i} s={s} props={props} />
      ))}
      <div style={{ marginTop: 48, textAlign: 'right', paddingRight: '2em' }}>
        <div>{doc.signature.org}</div>
        <div>{doc.signature.date}</div>
      </div>
    </article>
  );
}
