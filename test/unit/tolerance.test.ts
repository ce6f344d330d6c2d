/**
 * 对该容的大胆宽容，不该容的坚决不容, without any server: the negative list and the eight situations' conditions a
 * report records, the bars they set to an exemption or a reduction, 从轻 and 减轻, the related officials a decision
 * clears, the report a decision must name, and what a personal file keeps of the decision.
 */
import { investigationReportSchema, determinationSchema } from '../../api/cases/schemas';
import type { Determination, InvestigationReport } from '../../domain/case';
import { ASPECTS, SITUATIONS } from '../../domain/case';
import { decisionRecord } from '../../domain/decision-record';
import { NEGATIVE_ITEMS, NEGATIVE_LIST } from '../../domain/negative-list';
import { conditionsOf, SITUATION_CONDITION_CODES } from '../../domain/situation-conditions';
import {
  determinationBar,
  findingsText,
  reductionTermsProblem,
  relatedOfficialsProblem,
  reportRecordProblem,
  toleranceBar,
} from '../../domain/tolerance';
import { report, REPORT_REF } from '../helpers/cases';

const finding = (r: InvestigationReport, item: string): InvestigationReport => ({
  ...r,
  negativeFindings: r.negativeFindings?.map((f) => (f.item === item ? { ...f, found: true, finding: '查实' } : f)),
});
const unmet = (r: InvestigationReport, condition: string): InvestigationReport => ({
  ...r,
  conditions: r.conditions?.map((c) => (c.condition === condition ? { ...c, met: false, finding: '不符合' } : c)),
});

const meeting = (over: Partial<Determination> = {}): Determination => ({
  meetingDate: '2026-12-10',
  attendees: ['甲', '乙', '丙'],
  membersTotal: 5,
  outcome: 'exempt',
  reasoning: '集体研究',
  minutesRef: '会议纪要〔2026〕9号',
  reportRef: REPORT_REF,
  ...over,
});

describe('the negative list and the situations’ conditions', () => {
  test('every one of the six aspects has its items on the negative list, each with the seed’s words', () => {
    for (const aspect of ASPECTS) {
      expect({ aspect, items: NEGATIVE_ITEMS.some((i) => NEGATIVE_LIST[i].aspect === aspect) }).toEqual({
        aspect,
        items: true,
      });
    }
    const names = NEGATIVE_ITEMS.map((i) => NEGATIVE_LIST[i].name).join('|');
    for (const words of ['谋取私利', '明知故犯', '屡教不改', '个人专断', '搞变通', '对抗组织调查', '十八大']) {
      expect(names).toContain(words);
    }
  });

  test('every one of the eight situations states its conditions, each code belonging to one situation', () => {
    for (const s of SITUATIONS) expect(conditionsOf(s).length).toBeGreaterThan(0);
    const all = SITUATIONS.flatMap(conditionsOf);
    expect(new Set(all).size).toBe(all.length);
    expect([...all].sort()).toEqual([...SITUATION_CONDITION_CODES].sort());
  });

  test('a report records every item of the negative list, each once', () => {
    const r = report('refuse');
    expect(reportRecordProblem(r, 'businessEnvironment')).toBeUndefined();
    const missing = { ...r, negativeFindings: r.negativeFindings?.filter((f) => f.item !== 'privateGain') };
    expect(reportRecordProblem(missing, 'businessEnvironment')).toContain('谋取私利或者局部利益');
    expect(reportRecordProblem({ ...r, negativeFindings: undefined }, 'businessEnvironment')).toContain('负面清单');
  });

  test('a report records each condition of the case’s situation, and of the situation it corrects the case to', () => {
    const r = report('exempt');
    expect(reportRecordProblem(r, 'innovation')).toContain('“创新探索”情形的条件');
    expect(reportRecordProblem({ ...r, situation: 'businessEnvironment' }, 'innovation')).toBeUndefined();
    expect(reportRecordProblem(report('exempt', 'innovation'), 'innovation')).toBeUndefined();
  });
});

describe('不该容的坚决不容', () => {
  test('an exemption is refused while the report finds 谋取私利', () => {
    const bar = toleranceBar('exempt', finding(report('exempt'), 'privateGain'), 'businessEnvironment', '建议容错免责');
    expect(bar).toBe('调查核实报告查实“谋取私利或者局部利益”，属于不该容的情形，不能建议容错免责');
  });

  test('a reduction is refused while the condition 风险可控 is unmet', () => {
    const r = unmet(report('reduce', 'innovation'), 'riskControlled');
    const bar = toleranceBar('reduce', r, 'innovation', '决定减责');
    expect(bar).toContain('“创新探索”情形的条件');
    expect(bar).toContain('风险可控');
    expect(bar).toContain('不能决定减责');
  });

  test('refuse is always possible, whatever the report finds', () => {
    const r = unmet(finding(report('refuse'), 'knowingViolation'), 'cleanRelations');
    expect(toleranceBar('refuse', r, 'businessEnvironment', '决定不予容错')).toBeUndefined();
    expect(
      determinationBar(meeting({ outcome: 'refuse' }), { report: r, submission: { situation: 'businessEnvironment' } }),
    ).toBeUndefined();
  });

  test('a report of an earlier release, which recorded neither list, bars nothing', () => {
    const { negativeFindings: _n, conditions: _c, ...old } = report('exempt');
    void _n;
    void _c;
    expect(toleranceBar('exempt', old, 'businessEnvironment', '决定容错免责')).toBeUndefined();
    expect(findingsText(old)).toBe('');
  });

  test('the timeline reads what the report found', () => {
    expect(findingsText(report('exempt'))).toBe('；负面清单均未查实；情形条件均符合');
    const r = unmet(finding(report('refuse'), 'privateGain'), 'cleanRelations');
    expect(findingsText(r)).toBe('；负面清单查实：谋取私利或者局部利益；情形条件不符合：政商关系“又亲又清”');
  });
});

describe('从轻 and 减轻, and the related officials', () => {
  test('a reduction names 从轻 or 减轻 and the measure it keeps; no other outcome names either', () => {
    expect(reductionTermsProblem('reduce', {})?.field).toBe('reduction');
    expect(reductionTermsProblem('reduce', { reduction: 'mitigated' })?.field).toBe('residualMeasure');
    expect(reductionTermsProblem('reduce', { reduction: 'mitigated', residualMeasure: '诫勉' })).toBeUndefined();
    expect(reductionTermsProblem('exempt', { reduction: 'lighter' })?.message).toContain('只有减责');
    expect(reductionTermsProblem('refuse', {})).toBeUndefined();
  });

  test('only a decision that tolerates the error clears related officials', () => {
    const official = { name: '王某', post: '某局局长', responsibilities: ['leadership' as const] };
    expect(relatedOfficialsProblem('exempt', [official])).toBeUndefined();
    expect(relatedOfficialsProblem('reduce', [official])).toBeUndefined();
    expect(relatedOfficialsProblem('refuse', [official])).toContain('不予容错的');
    expect(relatedOfficialsProblem('refuse', [])).toBeUndefined();
  });
});

describe('the report a decision rests on', () => {
  const facts = { report: report('exempt'), submission: { situation: 'businessEnvironment' as const } };

  test('a determination naming a report sent back is refused as stale', () => {
    const bar = determinationBar(meeting({ reportRef: '调查报告〔2026〕0号' }), {
      ...facts,
      sentBackReportRefs: ['调查报告〔2026〕0号'],
    });
    expect(bar).toBe(`调查核实报告 调查报告〔2026〕0号 已被退回，不能据此作出决定；待研究认定的报告为 ${REPORT_REF}`);
  });

  test('a determination naming no report of the case is refused', () => {
    expect(determinationBar(meeting({ reportRef: '别的报告' }), facts)).toContain('本案没有调查核实报告 别的报告');
    expect(determinationBar(meeting(), { ...facts, report: undefined })).toBe('本案没有待研究认定的调查核实报告');
  });

  test('the meeting’s exemption is refused while the report it names finds 明知故犯', () => {
    const bar = determinationBar(meeting(), { ...facts, report: finding(report('refuse'), 'knowingViolation') });
    expect(bar).toBe('调查核实报告查实“明知故犯”，属于不该容的情形，不能决定容错免责');
  });

  test('a sound decision on the current report passes', () => {
    expect(determinationBar(meeting(), facts)).toBeUndefined();
  });
});

describe('what the personal files keep', () => {
  test('an archive entry carries the decision in words, its reasoning, 从轻 or 减轻, the measure kept and the document numbers', () => {
    const record = decisionRecord(
      'disciplineCommission',
      meeting({ outcome: 'reduce', impactPeriodMonths: 6, reduction: 'mitigated', residualMeasure: '诫勉谈话' }),
    );
    expect(record).toEqual({
      handlingBody: 'disciplineCommission',
      decision:
        '经纪检监察机关案件监督管理室领导班子会议（2026-12-10）集体研究，决定减责（减轻追究责任，仍需承担：诫勉谈话）',
      reasoning: '集体研究',
      reduction: 'mitigated',
      residualMeasure: '诫勉谈话',
      documentNumbers: { minutes: '会议纪要〔2026〕9号', report: REPORT_REF },
    });
  });
});

describe('the requests', () => {
  test('a report records the negative list in full and a reduction’s terms', () => {
    const parsed = investigationReportSchema.safeParse(report('reduce'));
    expect(parsed.success).toBe(true);
    const short = { ...report('exempt'), negativeFindings: report('exempt').negativeFindings?.slice(1) };
    expect(investigationReportSchema.safeParse(short).error?.issues.map((i) => i.path.join('.'))).toEqual([
      'negativeFindings',
    ]);
    const { reduction: _r, ...noKind } = report('reduce');
    void _r;
    expect(investigationReportSchema.safeParse(noKind).error?.issues.map((i) => i.path.join('.'))).toEqual([
      'reduction',
    ]);
  });

  test('a meeting names the report it decides on, and clears related officials only when it tolerates', () => {
    const { reportRef: _ref, ...unnamed } = meeting();
    void _ref;
    expect(
      determinationSchema.safeParse({ determination: unnamed }).error?.issues.map((i) => i.path.join('.')),
    ).toEqual(['determination.reportRef']);
    const related = [{ name: '王某', post: '某局局长', responsibilities: ['primary', 'leadership'] }];
    expect(
      determinationSchema.safeParse({ determination: meeting({ relatedOfficials: related as never }) }).success,
    ).toBe(true);
    const refused = meeting({ outcome: 'refuse', relatedOfficials: related as never });
    expect(
      determinationSchema.safeParse({ determination: refused }).error?.issues.map((i) => i.path.join('.')),
    ).toEqual(['determination.relatedOfficials']);
  });
});
