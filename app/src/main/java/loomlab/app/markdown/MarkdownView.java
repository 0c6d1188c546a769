package loomlab.app.markdown;

import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** TEMPORARY stand-in for branch appkit's class; removed before merging main. */
public class MarkdownView extends VBox {
    private final Label text = new Label();

    public MarkdownView() {
        text.setWrapText(true);
        getChildren().add(text);
    }

    public void setMarkdown(String markdown) {
        text.setText(markdown);
    }
}
