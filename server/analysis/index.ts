export { analyzeText, analyzeTextFast, analyzeBatch, warmUpTextAnalysis, blendValence, EMOTION_VALENCE } from "./service";
export { detectLanguage } from "./language";
export { EMOTIONS, LANGUAGES, type Emotion, type EmotionScores, type Language, type TextAnalysis } from "./types";
