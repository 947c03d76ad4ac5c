from enum import StrEnum


class Category(StrEnum):
    CLASSIFICATION = "classification"
    CODE_GENERATION = "code-generation"
    EMBEDDINGS = "embeddings"
    IMAGE_GENERATION = "image-generation"
    OTHER = "other"
    QUESTION_ANSWERING = "question-answering"
    SENTIMENT_ANALYSIS = "sentiment-analysis"
    SPEECH_TO_TEXT = "speech-to-text"
    SUMMARIZATION = "summarization"
    TEXT_GENERATION = "text-generation"
    TEXT_TO_SPEECH = "text-to-speech"
    TRANSLATION = "translation"

    def __str__(self) -> str:
        return str(self.value)
