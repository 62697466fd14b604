import PDFDocument from 'pdfkit';
import type { CertificateFacts } from './learning-record.service';

const ACCREDITATION_NAMES: Record<string, string> = {
  btec: 'BTEC', ilm: 'ILM', sfj: 'Skills for Justice', ocr: 'OCR', cpd: 'CPD certified', university: 'University accredited', other: 'Accredited',
};

function londonDate(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, day: 'numeric', month: 'long', year: 'numeric' }).format(date);
}

/**
 * A certificate of completion, one A4 landscape page, from the facts alone (no I/O, so it is
 * the same for the same facts but for the PDF's creation time, which is fixed to the session's end).
 */
export function renderCertificate(facts: CertificateFacts): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4', layout: 'landscape', margin: 56,
      info: { Title: `Certificate of completion: ${facts.courseTitle}`, Author: facts.partnershipName, Subject: facts.personName,
        CreationDate: facts.endsAt },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);

    const width = doc.page.width - 112;
    doc.rect(28, 28, doc.page.width - 56, doc.page.height - 56).lineWidth(3).stroke('#005eb8');
    doc.moveDown(2).font('Helvetica').fontSize(14).fillColor('#4c6272').text(facts.partnershipName, { align: 'center', width });
    doc.moveDown(1).font('Helvetica-Bold').fontSize(34).fillColor('#005eb8').text('Certificate of completion', { align: 'center', width });
    doc.moveDown(1.2).font('Helvetica').fontSize(16).fillColor('#212b32').text('This is to certify that', { align: 'center', width });
    doc.moveDown(0.6).font('Helvetica-Bold').fontSize(28).text(facts.personName, { align: 'center', width });
    doc.moveDown(0.6).font('Helvetica').fontSize(16).text('completed', { align: 'center', width });
    doc.moveDown(0.6).font('Helvetica-Bold').fontSize(22).text(facts.courseTitle, { align: 'center', width });
    doc.moveDown(1).font('Helvetica').fontSize(14);
    const details = [
      `Delivered by ${facts.providerName} on ${londonDate(facts.startsAt, facts.timeZone)}`,
      `${facts.hours} learning ${facts.hours === 1 ? 'hour' : 'hours'}`,
      ...(facts.mandatorySubjectName ? [`Mandatory subject: ${facts.mandatorySubjectName}`] : []),
      ...(facts.accreditation !== 'none' ? [`Accreditation: ${ACCREDITATION_NAMES[facts.accreditation] ?? facts.accreditation}`] : []),
    ];
    for (const line of details) doc.text(line, { align: 'center', width });
    doc.moveDown(2).fontSize(10).fillColor('#4c6272').text(`Certificate reference ${facts.bookingId}`, { align: 'center', width });
    doc.end();
  });
}
