/**
 * A whole exemption case walked through the workbench's pages only, as the API walk of docs/API.md does with curl:
 * the applicant applies, the case officer accepts and proposes, the leader approves, the investigators hear and
 * report, the leader reviews, the meeting secretary records the determination, the case officer gives feedback and
 * closes the case. Users switch by signing in again; each sees only what their role may do.
 */
import type { Browser, Page } from 'playwright-core';

import { api, startStack } from '../helpers/api';
import type { Stack } from '../helpers/api';
import { launchBrowser, openPage, signInAs } from '../helpers/browser';
import { REPORT_REF, shanghaiToday } from '../helpers/cases';
import { startDevServer } from '../helpers/temporal';
import {
  choose,
  field,
  fieldError,
  fill,
  openAction,
  send,
  sendRecorded,
  stageShown,
} from '../helpers/workbench-pages';

let stack: Stack;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  // A dev server of this file's own: the work list reads every case it lists, and no other file's cases belong there.
  [stack, browser] = await Promise.all([startStack({ env: await startDevServer() }), launchBrowser()]);
  ({ page } = await openPage(browser, stack.baseUrl));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/** Signs in as `sub` and opens the case from their 待办. */
async function openFromWorkList(sub: string, caseNumber: string | undefined): Promise<void> {
  // Each step needs the case the first one made: without it the rest fail at once instead of waiting out timeouts.
  if (!caseNumber) throw new Error('no case: the application failed');
  await signInAs(page, sub);
  await page.getByRole('link', { name: '待办' }).click();
  await page.getByTestId('work-list').getByRole('link', { name: caseNumber }).click();
  await page.getByTestId('case-stage').waitFor();
}

describe('an exemption case walked through the workbench', () => {
  let caseNumber: string | undefined;

  it('the applicant applies on 事项提出 and is shown the case the office numbered', async () => {
    await signInAs(page, 'applicant.li');
    await page.getByRole('link', { name: '事项提出' }).click();
    // The eight situations are explained beside the form in the seed's words.
    await page.getByText('（五）优化营商环境').click();
    await page.getByText('为优质高效服务企业，及时解决企业反映的问题').waitFor();
    await choose(page, page, 'origin', '本人申请提出');
    await choose(page, page, 'party.kind', '干部个人');
    await fill(page, 'party.name', '李娜');
    await fill(page, 'party.unit', '南阳市某区营商环境服务中心');
    await fill(page, 'party.identifier', '11010519491231002X');
    await choose(page, page, 'situation', '优化营商环境');
    await choose(page, page, 'liability', '党纪政务处分');
    await choose(page, page, 'handlingBody', '纪检监察机关案件监督管理室');
    await fill(page, 'facts', '为企业容缺受理审批事项，后补齐材料，未造成损失。');
    await fill(page, 'evidenceRefs', '宛营商〔2026〕12号');
    await page.getByRole('button', { name: '提交' }).click();
    await page.waitForURL(/\/app\/cases\//, { waitUntil: 'commit' });
    await stageShown(page, '待受理');
    caseNumber = (await page.getByRole('heading', { level: 2 }).first().textContent()) ?? '';
    expect(stack.numberedHere(caseNumber ?? '')).toBe(true);
    // The applicant has nothing to do on the case.
    await page.getByText('您在本案没有待办事项').waitFor();
  });

  it('the case officer accepts from 待办, a refused step shows its field error, and the deadline its working days left', async () => {
    await openFromWorkList('officer.dc', caseNumber);
    let panel = await openAction(page, '受理或不予受理');
    await choose(page, panel, 'decision', '受理');
    // Sent without the case officer: the API's refusal is shown beside the field it names.
    await send(panel);
    await fieldError(panel, 'caseOfficer').waitFor();
    await fill(panel, 'caseOfficer', 'officer.dc');
    await send(panel);
    await stageShown(page, '拟办意见');

    const view = await api(stack).get(`/cases/${encodeURIComponent(caseNumber ?? '')}`, 'officer.dc');
    const opinion = view.body?.deadlines.find((d: { id: string }) => d.id === 'handlingOpinion');
    expect(opinion.workingDaysLeft).toBeGreaterThan(0);
    await page.getByText(`剩余${opinion.workingDaysLeft}个工作日`).first().waitFor();

    panel = await openAction(page, '提出拟办意见');
    await fill(panel, 'opinion', '拟启动调查核实');
    await choose(page, panel, 'route', '启动调查核实');
    await send(panel);
    await stageShown(page, '拟办意见待审批');
  });

  it('the leader approves the opinion from 待办, and the timeline shows who decided and when', async () => {
    await openFromWorkList('leader.dc', caseNumber);
    const panel = await openAction(page, '领导审批拟办意见');
    await choose(page, panel, 'approved', '是');
    await fill(panel, 'comment', '同意');
    await send(panel);
    await stageShown(page, '调查核实');
    await page.getByTestId('timeline').getByText('leader.dc（审批领导）').first().waitFor();
  });

  it('the case officer forms the team, refused first for a team of one', async () => {
    await openFromWorkList('officer.dc', caseNumber);
    const panel = await openAction(page, '成立调查组');
    await fill(panel, 'members', 'investigator.dc');
    await send(panel);
    await fieldError(panel, 'members').filter({ hasText: '调查组至少由两人组成' }).waitFor();
    await fill(panel, 'members', 'investigator.dc\ninvestigator2.dc');
    await sendRecorded(page, panel);
  });

  it('the investigator hears the official and the unit, then reports on the six aspects, the negative list and the conditions', async () => {
    await openFromWorkList('investigator.dc', caseNumber);
    for (const [heard, statementRef] of [
      ['干部本人', '谈话笔录1'],
      ['所在单位', '单位意见1'],
    ]) {
      const panel = await openAction(page, '听取意见');
      await choose(page, panel, 'heard', heard);
      await fill(panel, 'statementRef', statementRef);
      await fill(panel, 'summary', '说明容缺受理经过');
      await sendRecorded(page, panel);
    }
    const panel = await openAction(page, '提交调查核实报告');
    await fill(panel, 'report.reportRef', REPORT_REF);
    for (let i = 0; i < 6; i++) {
      await choose(page, panel, `report.assessments.${i}.leaning`, '有利');
      await fill(panel, `report.assessments.${i}.finding`, '经核实，情况属实');
    }
    await choose(page, panel, 'report.recommendation', '容错免责');
    await fill(panel, 'report.summary', '建议免责');
    for (let i = 0; i < 16; i++) {
      await choose(page, panel, `report.negativeFindings.${i}.found`, '否');
      await fill(panel, `report.negativeFindings.${i}.finding`, '未发现');
    }
    const conditions = await panel.locator('[data-field^="report.conditions."][data-field$=".met"]').count();
    expect(conditions).toBe(4);
    for (let i = 0; i < conditions; i++) {
      await choose(page, panel, `report.conditions.${i}.met`, '是');
      await fill(panel, `report.conditions.${i}.finding`, '经核实，符合');
    }
    await send(panel);
    await stageShown(page, '调查报告待审核');
  });

  it('the leader accepts the report, and the meeting secretary records the exemption', async () => {
    await openFromWorkList('leader.dc', caseNumber);
    let panel = await openAction(page, '领导审核调查核实报告');
    await choose(page, panel, 'approved', '是');
    await fill(panel, 'comment', '提交领导班子会议');
    await send(panel);
    await stageShown(page, '研究认定');

    await openFromWorkList('secretary.dc', caseNumber);
    panel = await openAction(page, '领导班子会议集体研究认定');
    await fill(panel, 'determination.meetingDate', shanghaiToday());
    await fill(panel, 'determination.attendees', '书记\n副书记\n委员甲\n委员乙\n委员丙');
    await fill(panel, 'determination.membersTotal', '7');
    await choose(page, panel, 'determination.outcome', '容错免责');
    await fill(panel, 'determination.reasoning', '综合六个方面察看，予以免责');
    await fill(panel, 'determination.minutesRef', '会议纪要〔2026〕9号');
    await fill(panel, 'determination.reportRef', REPORT_REF);
    await send(panel);
    await stageShown(page, '反馈结论');
  });

  it('the applicant sees the stage and the deadline owed to them, but none of the internal findings', async () => {
    if (!caseNumber) throw new Error('no case: the application failed');
    await signInAs(page, 'applicant.li');
    await page.getByRole('link', { name: '台账' }).click();
    await page.getByTestId('register').getByRole('link', { name: caseNumber }).click();
    await stageShown(page, '反馈结论');
    await page
      .getByTestId('deadline-tag')
      .filter({ hasText: /剩余\d+个工作日/ })
      .first()
      .waitFor();
    const text = (await page.locator('main').textContent()) ?? '';
    for (const internal of ['经核实，情况属实', '谈话笔录1', '书记', '会议纪要〔2026〕9号', 'investigator.dc']) {
      expect(text).not.toContain(internal);
    }
  });

  it('the case officer gives written feedback, consults the official, announces and visits, and the case closes', async () => {
    await openFromWorkList('officer.dc', caseNumber);
    let panel = await openAction(page, '书面反馈结论');
    await fill(panel, 'documentRef', '反馈书〔2026〕3号');
    await send(panel);
    await stageShown(page, '后续事项');

    panel = await openAction(page, '征求本人意见');
    await choose(page, panel, 'partyAgrees', '是');
    await fill(panel, 'note', '本人同意在单位内通报');
    await sendRecorded(page, panel);

    panel = await openAction(page, '通报说明');
    await fill(panel, 'scope', '所在单位');
    await fill(panel, 'form', '会议通报');
    await fill(panel, 'documentRef', '通报〔2026〕1号');
    await sendRecorded(page, panel);

    panel = await openAction(page, '回访教育');
    await fill(panel, 'visitedOn', shanghaiToday());
    await fill(panel, 'note', '放下包袱、轻装上阵');
    await send(panel);
    await stageShown(page, '已办结');
    expect(await field(page, 'documentRef').count()).toBe(0);
  });
});
