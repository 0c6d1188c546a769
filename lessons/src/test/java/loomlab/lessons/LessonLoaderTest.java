package loomlab.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loader is strict, and says where and what: each test breaks one thing in a small valid
 * lesson and checks the whole message, file and line included.
 */
class LessonLoaderTest {
    @TempDir
    Path dir;

    private final Map<String, String> files = new LinkedHashMap<>();

    LessonLoaderTest() {
        files.put("index.txt", "# lessons\n01-demo\n");
        files.put("01-demo/lesson.en.md", """
                ---
                title: Demo
                summary: A lesson to break.
                ---

                ## First words {#first}

                Some text.

                ```predict
                question: Which line comes first?
                explanation: main prints before it returns.
                ```

                ```watch
                goroutine main: It prints twice.
                ```

                ## More words {#second}

                More text.
                """);
        files.put("01-demo/lesson.zh.md", """
                ---
                title: 演示
                summary: 用来出错的课。
                ---

                ## 开头 {#first}

                一些文字。

                ```predict
                question: 哪一行先打印？
                explanation: main 在返回之前打印。
                ```

                ```watch
                goroutine main: 它打印两次。
                ```

                ## 更多 {#second}

                更多文字。
                """);
        files.put("01-demo/lesson.txt", """
                step: first
                go: hello.go
                java: Hello.java
                seed: 1
                procs: 1
                status: 0
                output:
                > hello
                > bye
                predict: first-line 0
                choice: hello
                choice: bye
                """);
        files.put("01-demo/hello.go", "package main\n\nfunc main() {}\n");
        files.put("01-demo/Hello.java", """
                import static loomlab.engine.Go.*;

                public class Hello {
                    public static void main(String[] args) {
                        println("hello");
                        println("bye");
                    }
                }
                """);
    }

    private List<Lesson> load() throws IOException {
        for (var f : files.entrySet()) {
            Path p = dir.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.getValue());
        }
        return LessonCatalog.fromDirectory(dir).lessons();
    }

    private void edit(String file, String from, String to) {
        String text = files.get(file);
        if (!text.contains(from)) {
            throw new IllegalArgumentException(file + " has no " + from);
        }
        files.put(file, text.replace(from, to));
    }

    /** The message for a problem at {@code file}:{@code line}. */
    private void fails(String file, int line, String problem) {
        LessonFormatException e = assertThrows(LessonFormatException.class, this::load);
        assertEquals(dir.resolve(file) + (line > 0 ? ":" + line : "") + ": " + problem, e.getMessage());
        assertEquals(line, e.line());
    }

    // ---------------------------------------------------------------- what a valid lesson gives

    @Test
    void aValidLessonLoadsWithBothLanguagesJoined() throws IOException {
        Lesson l = load().getFirst();
        assertEquals("demo", l.id());
        assertEquals(1, l.order());
        assertEquals(new Text("Demo", "演示"), l.title());
        Step first = l.steps().getFirst();
        assertEquals(new Text("First words", "开头"), first.title());
        assertEquals(new Text("Some text.", "一些文字。"), first.markdown());
        assertEquals("Hello", first.example().className());
        assertEquals(List.of("hello", "bye"), first.example().expectedOutput());
        assertEquals(Predict.Kind.FIRST_LINE, first.predict().kind());
        assertEquals(List.of(Text.of("hello"), Text.of("bye")), first.predict().choices());
        assertEquals(List.of(new Watch(Watch.Target.GOROUTINE, "main", new Text("It prints twice.", "它打印两次。"))),
                first.watch());
        Step second = l.steps().get(1);
        assertEquals(null, second.example());
        assertEquals(null, second.go());
    }

    @Test
    void aChoiceQuestionTakesItsWordsFromEachLanguageAndItsAnswerFromLessonTxt() throws IOException {
        edit("01-demo/lesson.txt", "predict: first-line 0\nchoice: hello\nchoice: bye\n",
                "predict: choice 1\ncheck: prints bye\n");
        edit("01-demo/lesson.en.md", "explanation:", "choice: bye\nchoice: hello\nexplanation:");
        edit("01-demo/lesson.zh.md", "explanation:", "choice: bye 那行\nchoice: hello 那行\nexplanation:");
        Predict p = load().getFirst().steps().getFirst().predict();
        assertEquals(Predict.Kind.CHOICE, p.kind());
        assertEquals(1, p.answer());
        assertEquals(new Text("hello", "hello 那行"), p.choices().get(1));
    }

    // ---------------------------------------------------------------- the index

    @Test
    void missingIndex() {
        files.remove("index.txt");
        fails("index.txt", 0, "is missing; it lists the lesson folders, one a line, in order");
    }

    @Test
    void badFolderNameInIndex() {
        edit("index.txt", "01-demo", "demo");
        fails("index.txt", 2, "'demo' is not a lesson folder name: two or more digits (its order), '-', then the "
                + "lesson id in kebab-case, e.g. 01-goroutines-and-channels");
    }

    @Test
    void folderOnDiskThatTheIndexForgets() throws IOException {
        Files.createDirectories(dir.resolve("02-forgotten"));
        fails("index.txt", 0, "lesson folder '02-forgotten' is not listed here");
    }

    @Test
    void missingLanguageFile() {
        files.remove("01-demo/lesson.zh.md");
        fails("01-demo/lesson.zh.md", 0, "is missing; every lesson folder has lesson.en.md, lesson.zh.md and lesson.txt");
    }

    // ---------------------------------------------------------------- the language files

    @Test
    void languagesWithStepsInADifferentOrder() {
        edit("01-demo/lesson.zh.md", "{#first}", "{#tmp}");
        edit("01-demo/lesson.zh.md", "{#second}", "{#first}");
        edit("01-demo/lesson.zh.md", "{#tmp}", "{#second}");
        fails("01-demo/lesson.zh.md", 6, "step 1 is 'second' here but 'first' in lesson.en.md; both languages have "
                + "the same steps in the same order");
    }

    @Test
    void aStepMissingFromOneLanguage() {
        edit("01-demo/lesson.zh.md", "## 更多 {#second}\n\n更多文字。\n", "");
        fails("01-demo/lesson.en.md", 19, "step 'second' is missing from the other language (lesson.zh.md)");
    }

    @Test
    void stepHeadingWithoutId() {
        edit("01-demo/lesson.en.md", "## More words {#second}", "## More words");
        fails("01-demo/lesson.en.md", 19, "a step heading ends with its id: '## Title {#step-id}'");
    }

    @Test
    void textBeforeTheFirstStep() {
        edit("01-demo/lesson.en.md", "---\n\n## First", "---\nAn introduction.\n## First");
        fails("01-demo/lesson.en.md", 5, "text before the first step: every text belongs to a step that starts with "
                + "'## Title {#step-id}'");
    }

    @Test
    void frontMatterWithoutSummary() {
        edit("01-demo/lesson.en.md", "summary: A lesson to break.\n", "");
        fails("01-demo/lesson.en.md", 3, "the front matter has no 'summary: …'");
    }

    @Test
    void predictBlockNeverClosed() {
        edit("01-demo/lesson.en.md", "explanation: main prints before it returns.\n```", "explanation: main prints.\n");
        fails("01-demo/lesson.en.md", 10, "this block is not closed by a line '```' before another starts on line 15");
    }

    @Test
    void unknownKeyInAPredictBlock() {
        edit("01-demo/lesson.zh.md", "explanation:", "answer: 1\nexplanation:");
        fails("01-demo/lesson.zh.md", 12, "a predict block holds 'question:', 'choice:' and 'explanation:', not 'answer:'");
    }

    @Test
    void watchNotesThatDifferBetweenLanguages() {
        edit("01-demo/lesson.zh.md", "goroutine main:", "goroutine worker:");
        fails("01-demo/lesson.zh.md", 16, "step 'first' watches [goroutine worker] here but [goroutine main] in "
                + "lesson.en.md; both languages watch the same objects in the same order");
    }

    @Test
    void unknownWatchTarget() {
        edit("01-demo/lesson.en.md", "goroutine main:", "thread main:");
        fails("01-demo/lesson.en.md", 16, "'thread' is not a kind of object to watch; one of: goroutine, channel, "
                + "context, processor, lock, timer, console");
    }

    // ---------------------------------------------------------------- lesson.txt

    @Test
    void setupForAStepThatDoesNotExist() {
        edit("01-demo/lesson.txt", "step: first", "step: frist");
        fails("01-demo/lesson.txt", 1, "no step 'frist' in lesson.en.md; its steps are [first, second]");
    }

    @Test
    void exampleWithoutASeed() {
        edit("01-demo/lesson.txt", "seed: 1\n", "");
        fails("01-demo/lesson.txt", 3, "step 'first' runs Hello.java but states no 'seed:'; an example states seed, "
                + "procs, status and output");
    }

    @Test
    void exampleFileMissing() {
        files.remove("01-demo/Hello.java");
        fails("01-demo/lesson.txt", 3, "no file Hello.java in 01-demo");
    }

    @Test
    void exampleInAPackage() {
        edit("01-demo/Hello.java", "import static", "package demo;\n\nimport static");
        fails("01-demo/lesson.txt", 3, "Hello.java declares a package; examples are in the default package");
    }

    @Test
    void answerOutOfRange() {
        edit("01-demo/lesson.txt", "predict: first-line 0", "predict: first-line 2");
        fails("01-demo/lesson.txt", 10, "answer 2 is out of range: the choices are numbered 0 to 1");
    }

    @Test
    void firstLineAnswerThatTheExpectedOutputContradicts() {
        edit("01-demo/lesson.txt", "predict: first-line 0", "predict: first-line 1");
        fails("01-demo/lesson.txt", 10, "answer 1 is not the first of the choices in the expected output; 0 ('hello') is");
    }

    @Test
    void choiceQuestionWithAnExampleButNoFact() {
        edit("01-demo/lesson.txt", "predict: first-line 0\nchoice: hello\nchoice: bye\n", "predict: choice 0\n");
        edit("01-demo/lesson.en.md", "explanation:", "choice: hello\nchoice: bye\nexplanation:");
        edit("01-demo/lesson.zh.md", "explanation:", "choice: hello 行\nchoice: bye 行\nexplanation:");
        fails("01-demo/lesson.txt", 10, "a choice question on a step that runs an example states at least one "
                + "'check: <fact>' of the run that makes its answer right");
    }

    @Test
    void choiceQuestionWithFewerChoicesInOneLanguage() {
        edit("01-demo/lesson.txt", "predict: first-line 0\nchoice: hello\nchoice: bye\n", "predict: choice 0\ncheck: prints hello\n");
        edit("01-demo/lesson.en.md", "explanation:", "choice: hello\nchoice: bye\nexplanation:");
        edit("01-demo/lesson.zh.md", "explanation:", "choice: hello 行\nexplanation:");
        fails("01-demo/lesson.zh.md", 10, "this question offers 1 choices but 2 in lesson.en.md");
    }

    @Test
    void predictBlockWithoutAQuestionInLessonTxt() {
        edit("01-demo/lesson.txt", "predict: first-line 0\nchoice: hello\nchoice: bye\n", "");
        fails("01-demo/lesson.en.md", 10, "step 'first' has a predict block but lesson.txt gives no "
                + "'predict: choice <answer>' or 'predict: first-line <answer>'");
    }

    @Test
    void unknownKey() {
        edit("01-demo/lesson.txt", "procs: 1", "gomaxprocs: 1");
        fails("01-demo/lesson.txt", 5, "unknown key 'gomaxprocs:'; a step has go, java, seed, procs, mode, status, "
                + "output, predict, choice and check");
    }

    @Test
    void modeIsDeterministicUnlessTheStepSaysReal() throws IOException {
        assertEquals(loomlab.engine.RunMode.DETERMINISTIC, load().getFirst().steps().getFirst().example().mode());
        edit("01-demo/lesson.txt", "procs: 1", "procs: 1\nmode: real");
        assertEquals(loomlab.engine.RunMode.REAL, load().getFirst().steps().getFirst().example().mode());
    }

    @Test
    void unknownMode() {
        edit("01-demo/lesson.txt", "procs: 1", "procs: 1\nmode: parallel");
        fails("01-demo/lesson.txt", 6, "'mode:' is 'deterministic' (the default) or 'real', not 'parallel'");
    }

    @Test
    void unknownFact() {
        edit("01-demo/lesson.txt", "choice: bye\n", "choice: bye\ncheck: finishes quickly\n");
        fails("01-demo/lesson.txt", 13, "unknown fact 'finishes'; one of: prints, never-prints, leaks, blocks, "
                + "never-blocks, canceled, never-canceled");
    }

    @Test
    void outputLineOutsideOutput() {
        edit("01-demo/lesson.txt", "predict: first-line 0", "predict: first-line 0\n> stray");
        fails("01-demo/lesson.txt", 11, "an output line ('> …') belongs right under 'output:'");
    }

    @Test
    void procsOutOfRange() {
        edit("01-demo/lesson.txt", "procs: 1", "procs: 0");
        fails("01-demo/lesson.txt", 5, "'procs' must be between 1 and 256, not 0");
    }
}
