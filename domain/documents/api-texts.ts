/** What the API answers about documents, in Chinese: the officers and the applicant read these. */
export const DOCUMENT_TEXTS = {
  fileForm: '文书文件名应为“文书编号.docx”或“文书编号.pdf”，例如 decision-1.pdf',
  notFound: '没有该文书，或无权查阅',
  unavailable: (number: string) => `文书 ${number} 暂时无法读取（文书库不可用），请稍后再试`,
} as const;
