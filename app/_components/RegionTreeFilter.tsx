'use client';

/**
 * The 地区 filter: the division tree 省 → 市 → 县/区 (then 未识别地区) as a checkbox tree in a
 * drop-down, each node with its number of reports (份) and a button to expand or collapse it
 * (lib/query/region-tree.ts). Choosing a node selects every report under it; a node under a chosen
 * one shows checked and cannot be unchosen on its own; a node with chosen descendants shows
 * half-checked. Values of older links that name a printed region (not a node) are listed first, so
 * they can be removed. Keyboard: Tab moves through the expand buttons and checkboxes, Space toggles,
 * Enter on a button expands; Escape closes the drop-down.
 */
import { useMemo, useState } from 'react';
import { closeDropDownOnEscape, placeDropDownOnToggle } from '../_lib/drop-down-keys';
import { flattenRegionTree, regionCheckState, regionNodeLabel, regionPathParts, toggleRegionPath, type RegionNode } from '@/lib/query/region-tree';
import { useT } from '../_lib/lang-context';
import SentenceText from './SentenceText';

/** One node and, when expanded, its children. */
function TreeNode({
  node,
  selected,
  expanded,
  onToggleExpand,
  onChange,
}: {
  node: RegionNode;
  selected: readonly string[];
  expanded: ReadonlySet<string>;
  onToggleExpand: (path: string) => void;
  onChange: (regions: string[]) => void;
}) {
  const { t } = useT();
  const label = regionNodeLabel(node, t);
  const state = regionCheckState(selected, node.path);
  const open = expanded.has(node.path);
  const childId = `region-children-${node.path}`;
  return (
    <li className="region-node" data-testid="region-node" data-path={node.path}>
      <div className="region-row">
        {node.children.length > 0 ? (
          <button
            type="button"
            className="region-expand"
            aria-expanded={open}
            aria-controls={childId}
            aria-label={t(open ? '收起{{name}}' : '展开{{name}}', { name: label.text })}
            translate={label.data ? 'no' : undefined}
            data-testid="region-expand"
            onClick={() => onToggleExpand(node.path)}
          >
            {open ? '▾' : '▸'}
          </button>
        ) : (
          <span className="region-expand-spacer" aria-hidden="true" />
        )}
        <label className="option region-option" title={state === 'inherited' ? t('已随上级地区选中') : undefined}>
          <input
            type="checkbox"
            checked={state === 'checked' || state === 'inherited'}
            disabled={state === 'inherited'}
            ref={(el) => {
              if (el) el.indeterminate = state === 'partial';
            }}
            data-testid="filter-region-option"
            data-value={node.path}
            onChange={() => onChange(toggleRegionPath(selected, node.path))}
          />
          <span translate={label.data ? 'no' : undefined}>{label.text}</span>
          <span className="muted small region-count" data-testid="region-count">
            {t('{{count}} 份', { count: node.reports })}
          </span>
        </label>
      </div>
      {open && node.children.length > 0 ? (
        <ul className="region-children" id={childId}>
          {node.children.map((c) => (
            <TreeNode key={c.path} node={c} selected={selected} expanded={expanded} onToggleExpand={onToggleExpand} onChange={onChange} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

/** The ancestors of the selected paths: expanded at first, so a chosen node is visible. */
function ancestorsOf(selected: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const s of selected) {
    const parts = s.split('/');
    for (let i = 1; i < parts.length; i++) out.add(parts.slice(0, i).join('/'));
  }
  return out;
}

/**
 * The 地区 drop-down. `tree` comes from the filter options (lib/query/views.ts FilterOptions
 * regionTree); `selected` are the filter's region paths; `onChange` receives the new list.
 */
export default function RegionTreeFilter({ tree, selected, onChange }: { tree: readonly RegionNode[]; selected: readonly string[]; onChange: (regions: string[]) => void }) {
  const { t } = useT();
  // Rendered once first opened (thousands of counties at national scale), children only when expanded.
  const [opened, setOpened] = useState(false);
  const [expanded, setExpanded] = useState<Set<string>>(() => ancestorsOf(selected));
  const toggleExpand = (path: string) =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (next.has(path)) next.delete(path);
      else next.add(path);
      return next;
    });
  const known = useMemo(() => new Set(flattenRegionTree(tree).map((n) => n.path)), [tree]);
  const others = selected.filter((s) => !known.has(s));
  const summary =
    selected.length === 0 ? t('全部地区') : selected.length === 1 ? <SentenceText parts={regionPathParts(selected[0], t)} /> : t('已选 {{count}} 个地区', { count: selected.length });
  return (
    <div className="filter">
      <span className="filter-label" id="region-label">
        {t('地区')}
      </span>
      <details
        className="multi"
        data-testid="filter-region"
        onToggle={(e) => {
          if (e.currentTarget.open) {
            setOpened(true);
            setExpanded((prev) => new Set([...prev, ...ancestorsOf(selected)]));
          }
          placeDropDownOnToggle(e);
        }}
        onKeyDown={closeDropDownOnEscape}
      >
        <summary id="region-summary" aria-labelledby="region-label region-summary" onClick={() => setOpened(true)}>
          {summary}
        </summary>
        {opened ? (
          <div className="multi-options region-tree-box" role="group" aria-labelledby="region-label">
            {tree.length === 0 && others.length === 0 ? <span className="muted">{t('（无）')}</span> : null}
            {others.map((o) => (
              <label key={o} className="option">
                <input type="checkbox" checked data-testid="filter-region-option" data-value={o} onChange={() => onChange(selected.filter((s) => s !== o))} />
                <span translate="no">{o}</span>
                <span className="muted small">{t('（印刷的地区名）')}</span>
              </label>
            ))}
            <ul className="region-tree" data-testid="region-tree">
              {tree.map((n) => (
                <TreeNode key={n.path} node={n} selected={selected} expanded={expanded} onToggleExpand={toggleExpand} onChange={onChange} />
              ))}
            </ul>
          </div>
        ) : null}
      </details>
    </div>
  );
}
