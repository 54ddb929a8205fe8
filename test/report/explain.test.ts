/** `lcff explain`: the trace ends with the sources of its citations, each with its title and URL. */
import { describe, expect, it } from 'vitest';
import { sourceLines } from '../../src/report/sources.js';
import { lcff } from '../helpers/cli.js';
import { bundledLibrary } from '../helpers/library.js';

describe('explain: sources', () => {
  it('lists the sources of a student\'s explanation with titles and URLs (statute sections derived, the FAQ from the register)', () => {
    const r = lcff(['explain', 'examples/2019-20-county-charter', 'S006']);
    expect(r.code).toBe(0);
    const sources = r.stdout.slice(r.stdout.indexOf('\nSources:\n'));
    expect(sources).toContain('\n  EC 2576(a): California Education Code section 2576 <https://leginfo.legislature.ca.gov/faces/codes_displaySection.xhtml?lawCode=EDC&sectionNum=2576.>\n');
    expect(sources).toMatch(/\n {2}FAQ Q2, [^\n]*: Local Control Funding Formula for County Programs \(Frequently Asked Questions\) <https:\/\/www\.cde\.ca\.gov\/fg\/aa\/pa\/sdfundcoeservfaq\.asp>\n/);
    expect(sources).toContain('CALPADS-FLASH-318: CALPADS Update FLASH #318: District of Geographic Residence Required for Students Enrolling in County Offices of Education for Specified Reasons <https://www.cde.ca.gov/ds/sp/cl/calpadsupdflash318.asp>');
    expect(sources).not.toContain('no source found');
  });

  it('groups citations of one page, keeps bills with their derived leginfo URL, and says when a citation has no source', async () => {
    const lib = await bundledLibrary();
    expect(sourceLines(['EC 2574(c)(4)(A); FAQ Q1', 'EC 2574(c)(4)(B)', 'SB 114 (Ch. 48, Stats. 2023)', 'made up'], lib.register)).toEqual([
      '  EC 2574(c)(4)(A), EC 2574(c)(4)(B): California Education Code section 2574 <https://leginfo.legislature.ca.gov/faces/codes_displaySection.xhtml?lawCode=EDC&sectionNum=2574.>',
      '  FAQ Q1: Local Control Funding Formula for County Programs (Frequently Asked Questions) <https://www.cde.ca.gov/fg/aa/pa/sdfundcoeservfaq.asp>',
      '  SB 114 (Ch. 48, Stats. 2023): SB 114, Chapter 48, Statutes of 2023 (2023-24 session) <https://leginfo.legislature.ca.gov/faces/billNavClient.xhtml?bill_id=202320240SB114>',
      '  made up: (no source found: not a statute section ("EC 2574(c)"), a chaptered bill ("SB 114 (Ch. 48, Stats. 2023)") or a source id of the register (rules/sources.yaml))',
    ]);
  });
});
